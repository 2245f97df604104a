import type { Widen } from "./widen";

// The `accountData` namespace of the catalogue (wired into zh-CN.ts and en.ts): export and deletion.

export const zh = {
  title: "我的数据",
  exportIntro: "下载你在本站的全部数据（JSON）：资料、学习设置、卡片、复习记录、班级和作业作答。不含密码。",
  exportLink: "下载我的数据",
  deleteTitle: "删除账户",
  deleteIntro: "删除账户会永久删除你的资料、学习记录、班级成员身份和作业作答，无法恢复。建议先下载数据。",
  deleteTeacherNote: "老师：请先归档你的所有班级（需要的话先导出成绩 CSV）。删除账户时，已归档的班级及其作业和学生作答也会一并删除。",
  deletePassword: "输入密码以确认",
  deleteSubmit: "永久删除我的账户",
  deleting: "正在删除…",
  deleteActiveClasses: "你还有未归档的班级。请先归档所有班级，再删除账户。",
};

export const en: Widen<typeof zh> = {
  title: "My data",
  exportIntro: "Download all your data on this site (JSON): profile, study settings, cards, review log, classes and assignment answers. No password.",
  exportLink: "Download my data",
  deleteTitle: "Delete account",
  deleteIntro: "Deleting your account permanently deletes your profile, study history, class memberships and assignment answers. This cannot be undone. Download your data first.",
  deleteTeacherNote: "Teachers: archive all your classes first (export their results as CSV if you need them). Archived classes, with their assignments and students' answers, are deleted with the account.",
  deletePassword: "Type your password to confirm",
  deleteSubmit: "Delete my account permanently",
  deleting: "Deleting…",
  deleteActiveClasses: "You still have classes that are not archived. Archive all your classes, then delete the account.",
};
