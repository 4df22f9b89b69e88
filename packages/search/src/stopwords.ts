/**
 * A short list of Chinese function words, question words and the filler of spoken
 * questions (能不能, 谁, 弄, 事, 太多: words that say how a need is asked, not what it is
 * about). They are dropped from
 * word tokens on both the index and the query side (character bigrams keep them, so a
 * phrase still matches as a whole). The list is deliberately short: content words stay,
 * and BM25's idf already discounts frequent ones.
 */
const WORDS = `
的 地 得 了 着 过 和 与 及 或 而 并 且 以 以及 及其 等 等等 之 其 其中 此 该 各 每
在 于 对 对于 为 为了 把 被 将 从 向 由 给 跟 同 按 按照 经 通过 关于 至 到
是 有 也 都 就 还 又 再 才 只 已 已经 会 能 可 可以 要 应 应当 需 需要 把 让
这 那 这个 那个 这些 那些 这里 那里 这样 那样 这种 那种 其他 其它 另外
一个 一些 一种 一下 一点 一般 个 些 种
我 我们 你 你们 您 他 他们 她 它 它们 咱 咱们 自己 本 本人
吗 呢 吧 啊 呀 哦 嘛 么 哈 喽
什么 怎么 怎样 怎么样 如何 哪 哪些 哪个 哪里 哪儿 多少 多久 几 是否 能否 有没有 是不是 为什么 为何
想 想要 请 请问 帮 帮忙 问 问下 一下子
如果 因为 所以 但是 但 可是 虽然 然后 或者 还是 即 即可 则 若
很 太 最 更 非常 比较 特别 相当 些许
上 下 中 内 外 里 后 前 时 后来 之后 之前 以上 以下 以内 左右
年 月 日
不能 不要 没有 不用 不算 算不算 能不能 行不行 可不可以 要不要 好不好 够不够 是不是 有没有
谁 啥 咋 咋办 怎么办 干啥 干嘛 什么样 哪家 哪儿
来 去 弄 搞 做 干 当 帮着 帮我 一起 用上 用到 起来 下来 出去 过来 进去
事 事儿 事情 东西 时候 的话 可能 知道 觉得 大概 现在 以后 老是 总是 还有 其实 一直 到底 究竟 真的
太多 太久 太慢 太贵 好多 很多 多少钱
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

const MAX_STOP_LEN = Math.max(...[...STOP_WORDS].map((w) => w.length));

export function isStopWord(token: string): boolean {
  return token.length <= MAX_STOP_LEN && STOP_WORDS.has(token);
}
