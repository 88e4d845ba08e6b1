import { describe, expect, it } from 'vitest'
import { chiSquareHomogeneity, chiSquareUniform, gammaQ } from './stats'

describe('chi-square homogeneity', () => {
  // reference values: R's pchisq(x, df, lower.tail = FALSE)
  it.each([
    [3.841458820694124, 1, 0.05],
    [5.991464547107979, 2, 0.05],
    [16.26623619623813, 3, 0.001],
    [1, 4, 0.9097959895689501],
    [30, 10, 0.0008566412],
  ])('upper tail of chi-square(%d) at df %d is %f', (x, df, p) => {
    expect(gammaQ(df / 2, x / 2)).toBeCloseTo(p, 6)
  })

  // the skewed table's statistic is 2(25²/75) + 2(25²/125) = 80/3 at df 2, whose upper tail is e^(-x/2)
  it('accepts two samples of one distribution and rejects a skewed one', () => {
    expect(chiSquareHomogeneity({ a: 100, b: 98, c: 102 }, { a: 97, b: 105, c: 98 }).p).toBeGreaterThan(0.5)
    expect(chiSquareHomogeneity({ a: 100, b: 100, c: 100 }, { a: 50, b: 100, c: 150 }).p).toBeCloseTo(Math.exp(-40 / 3), 9)
  })

  it('counts a category only one side saw', () => {
    const r = chiSquareHomogeneity({ a: 150, b: 150 }, { a: 100, b: 100, c: 100 })
    expect(r.df).toBe(2)
    expect(r.p).toBeLessThan(1e-10)
  })
})

describe('chi-square goodness of fit to uniform', () => {
  it('accepts an even spread and rejects swapped probabilities (1/2, 1/3 instead of 1/3, 1/2 over three endpoints)', () => {
    expect(chiSquareUniform({ a: 101, b: 99, c: 100 }).p).toBeGreaterThan(0.9)
    // 300 connections spread 150 / 50 / 100: statistic (50² + 50² + 0) / 100 = 50 at df 2
    expect(chiSquareUniform({ a: 150, b: 50, c: 100 }).p).toBeCloseTo(Math.exp(-25), 15)
  })
})
