import type { MessageTable } from '../i18n/types'

/** Why the import left an object out, and what it could not read. */
export const importerMessages: MessageTable = {
  'importer.leftOut.incomplete': {
    en: 'no apiVersion, kind or metadata.name: not a Kubernetes object',
    zh: '缺少 apiVersion、kind 或 metadata.name:不是 Kubernetes 对象',
  },
  'importer.leftOut.notNetwork': {
    en: 'plays no part in the network the playground simulates',
    zh: '与本模拟器模拟的网络无关',
  },
  'importer.leftOut.rootCA': {
    en: 'kube-root-ca.crt is published into every namespace by kube-controller-manager; nothing here reads it',
    zh: 'kube-root-ca.crt 由 kube-controller-manager 发布到每个命名空间;这里没有任何组件读取它',
  },
  'importer.leftOut.kubernetesService': {
    en: 'the default/kubernetes Service and its endpoints are made by the playground\'s API server',
    zh: 'default/kubernetes Service 及其端点由模拟器的 API Server 创建',
  },
  'importer.leftOut.staticPod': {
    en: 'a static pod of the control plane (owned by its Node): the playground does not draw the control plane\'s own processes',
    zh: '控制平面的静态 Pod(属于其 Node):模拟器不绘制控制平面自身的进程',
  },
  'importer.leftOut.kubeProxy': {
    en: 'kube-proxy is the playground\'s own data plane on every node (its ConfigMap, with the mode, is kept)',
    zh: 'kube-proxy 是模拟器在每个节点上自带的数据平面(保留其包含模式的 ConfigMap)',
  },
  'importer.leftOut.madeByDeployment': {
    en: 'made by its Deployment, which is imported: the Deployment keeps its pods through this ReplicaSet\'s name',
    zh: '由已导入的 Deployment 创建:Deployment 通过该 ReplicaSet 的名称保留其 Pod',
  },
  'importer.leftOut.sliceRecomputed': {
    en: 'the EndpointSlice controller makes this slice again from the imported Service and pods',
    zh: 'EndpointSlice 控制器会根据导入的 Service 和 Pod 重新生成此切片',
  },
  'importer.leftOut.sliceMirrored': {
    en: 'the mirroring controller makes this slice again from the imported Endpoints',
    zh: '镜像控制器会根据导入的 Endpoints 重新生成此切片',
  },
  'importer.leftOut.endpointsRecomputed': {
    en: 'the Endpoints of a Service with a selector are recomputed from its pods',
    zh: '带选择器的 Service 的 Endpoints 会根据其 Pod 重新计算',
  },
  'importer.problem.unreadable': {
    en: 'The text could not be read as YAML or JSON.',
    zh: '无法将文本读取为 YAML 或 JSON。',
  },
  'importer.problem.yaml': {
    en: 'Document {doc} is not valid YAML and was skipped: {message}',
    zh: '第 {doc} 个文档不是有效的 YAML,已跳过:{message}',
  },
  'importer.problem.notObject': {
    en: 'Document {doc} is not an object and was skipped.',
    zh: '第 {doc} 个文档不是对象,已跳过。',
  },
}
