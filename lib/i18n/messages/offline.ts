import type { Widen } from "./widen";

// The `offline` namespace: offline study and syncing (wired into zh-CN.ts and en.ts).

export const zh = {
  offline: "离线",
  offlineWaiting: "离线中，{n} 条复习等待同步",
  offlineNoneWaiting: "离线中，复习会先保存在本机",
  waiting: "{n} 条复习等待同步",
  syncing: "正在同步…",
  synced: "已同步 {n} 条复习（{time}）",
  dropped: "服务器拒绝了 {n} 条复习，已丢弃（{reason}）。",
  ready: "可离线学习：本机保存了 {n} 张卡片。",
  savedOffline: "已保存在本机，联网后由服务器评分。",
  yourAnswer: "你的答案：{answer}",
  noCards: "离线时能学的卡片都学完了，联网后继续。",
  undone: "已撤销上一次（尚未同步的）复习。",
  pageTitle: "你现在离线",
  pageBody: "这一页还没有保存在本机，联网后才能打开。学习页可以离线使用：复习先保存在本机，联网后自动同步。",
  pageStudy: "离线学习",
};

export const en: Widen<typeof zh> = {
  offline: "Offline",
  offlineWaiting: "Offline, {n, plural, one {# review} other {# reviews}} waiting to sync",
  offlineNoneWaiting: "Offline: reviews are kept on this device",
  waiting: "{n, plural, one {# review} other {# reviews}} waiting to sync",
  syncing: "Syncing…",
  synced: "Synced {n, plural, one {# review} other {# reviews}} ({time})",
  dropped: "{n, plural, one {The server refused # review; it was dropped} other {The server refused # reviews; they were dropped}} ({reason}).",
  ready: "Ready offline: {n, plural, one {# card} other {# cards}} kept on this device.",
  savedOffline: "Saved on this device; the server grades it when you are back online.",
  yourAnswer: "Your answer: {answer}",
  noCards: "You have studied every card available offline; go on when you are back online.",
  undone: "The last review (not synced yet) was undone.",
  pageTitle: "You are offline",
  pageBody: "This page is not saved on this device; it opens once you are online. Study works offline: reviews are kept on the device and sync when you are back online.",
  pageStudy: "Study offline",
};
