import { expect, test, type Page } from "@playwright/test";
import { answerShownQuestion, freshEmail, signIn, signUp } from "./helpers";

/** Answers the current quiz card with the keyboard where the form allows it. */
async function answerWithKeys(page: Page) {
  const card = page.getByTestId("study-card");
  if ((await card.getByRole("radio").count()) > 0) {
    await page.keyboard.press("1");
    await page.keyboard.press("Space");
  } else if ((await card.getByRole("textbox").count()) > 0) {
    await card.getByRole("textbox").fill("1982");
    await page.keyboard.press("Enter");
  } else {
    await answerShownQuestion(page);
  }
}

async function countsText(page: Page) {
  return (await page.getByTestId("study-counts").textContent())?.trim() ?? "";
}

test("a student studies 10 cards, undoes one, and sees the stats change", async ({ page, browser, isMobile }) => {
  const email = freshEmail("learner");
  await signUp(page, { email, name: "学习者", password: "study-pass-1" });
  // The home page says what today holds and leads to it.
  await page.goto("/");
  await expect(page.getByTestId("home-counts")).toContainText("新卡 20");
  await page.getByRole("link", { name: "开始学习" }).click();
  await expect(page.getByTestId("study-counts")).toContainText("新卡 20");

  // Eight cards in quiz mode: keys on desktop, taps on the phone.
  for (let n = 0; n < 8; n++) {
    const prompt = await page.getByTestId("prompt").textContent();
    if (isMobile) await answerShownQuestion(page);
    else await answerWithKeys(page);
    await expect(page.getByTestId("feedback")).toBeVisible();
    if (isMobile) await page.getByRole("button", { name: "下一张" }).click();
    else await page.keyboard.press("Enter");
    await expect(page.getByTestId("prompt")).not.toHaveText(prompt ?? "");
  }

  // Two flashcards: flip and self-grade.
  await page.getByRole("radio", { name: "闪卡" }).click();
  for (let n = 0; n < 2; n++) {
    const prompt = await page.getByTestId("prompt").textContent();
    if (isMobile) {
      await page.getByRole("button", { name: "显示答案" }).click();
      await page.getByRole("button", { name: /^良好/ }).click();
    } else {
      await page.keyboard.press("Space");
      await expect(page.getByTestId("card-back")).toBeVisible();
      await page.keyboard.press("3");
    }
    await expect(page.getByTestId("prompt")).not.toHaveText(prompt ?? "");
  }

  // Undo the last one (U on desktop, the button on the phone).
  await expect(page.getByRole("button", { name: "撤销" })).toBeEnabled();
  if (isMobile) await page.getByRole("button", { name: "撤销" }).click();
  else await page.keyboard.press("u");
  await expect(page.getByText("已撤销上一次复习。")).toBeVisible();

  await page.goto("/stats");
  await expect(page.getByTestId("reviews-today")).toHaveText("9");
  await expect(page.getByTestId("streak")).toHaveText("1 天");

  // A second device of the same student sees the same due counts.
  await page.goto("/study");
  const here = await countsText(page);
  const other = await browser.newContext({ locale: "zh-CN" });
  const second = await other.newPage();
  await signIn(second, email, "study-pass-1");
  await expect(second.getByText("欢迎回来，学习者")).toBeVisible();
  await second.goto("/study");
  await expect(second.getByTestId("study-counts")).toHaveText(here);
  await other.close();
});

test("a new learner's stats say there is nothing yet instead of drawing empty charts", async ({ page }) => {
  await signUp(page, { email: freshEmail("nostats"), name: "新同学", password: "stats-pass-1" });
  await page.goto("/stats");
  for (const chart of ["每天复习数（近 30 天）", "未来 30 天到期预测"]) {
    await expect(page.getByRole("figure", { name: chart }).getByText("还没有数据。")).toBeVisible();
  }
  await expect(page.getByTestId("retention")).toHaveText("—");
});

test("what a guest answered in practice becomes their first reviews after sign-up", async ({ page }) => {
  await page.goto("/practice/yrd");
  await page.getByLabel("5", { exact: true }).check();
  await page.getByRole("button", { name: "开始练习" }).click();
  for (let n = 1; n <= 3; n++) {
    await expect(page.getByText(`第 ${n} / 5 题`)).toBeVisible();
    await answerShownQuestion(page);
    await expect(page.getByTestId("feedback")).toBeVisible();
    await page.getByRole("button", { name: "下一题" }).click();
  }
  await signUp(page, { email: freshEmail("guest"), name: "访客", password: "guest-pass-1" });
  await page.goto("/stats");
  await expect(page.getByTestId("reviews-today")).toHaveText("3");
});

test("study pages need an account", async ({ page }) => {
  for (const path of ["/study", "/stats", "/study/leeches", "/study/settings"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(path).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  }
  const response = await page.request.post("/api/reviews", { data: { clientId: "abcdefgh1", questionId: "abcdef12", rating: 3 } });
  expect(response.status()).toBe(401);
});

/** Flips the flashcard on screen and grades it, by taps (the same in both projects). */
async function gradeFlashcard(page: Page, grade: "重来" | "良好" | "简单") {
  await page.getByRole("button", { name: "显示答案" }).click();
  await expect(page.getByTestId("card-back")).toBeVisible();
  await page.getByRole("button", { name: new RegExp(`^${grade}`) }).click();
  await expect(page.getByTestId("card-back")).toBeHidden();
}

const counts = (learning: number, due: number, fresh: number) => `学习中 ${learning} · 到期 ${due} · 新卡 ${fresh}`;

interface QueueQuestion {
  form: string;
  prompt: string;
  choices?: string[];
  left?: string[];
  unit?: string;
}

interface QueueItem {
  key: string;
  question: QueueQuestion;
  back: { answer: string };
  flashcard: { question: QueueQuestion; back: { answer: string }; fromOptions: boolean } | null;
}

test("a flashcard's front is something true to recall, with what is needed to answer and no options it does not need", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, { email: freshEmail("fronts"), name: "闪卡同学", password: "front-pass-1" });
  // More new cards a day than the default 20: the topics below hold 35.
  await page.goto("/study/settings");
  await page.getByLabel("每天新卡片上限").fill("100");
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByText("设置已保存。")).toBeVisible();

  const seen = new Set<string>();
  let cards = 0;
  let falseQuiz = 0;
  // A new learner's questions are fixed, so these topics' first cards are too.
  for (const topic of ["概念释义", "相关政策", "意义", "发展成果"]) {
    const queue = (await (await page.request.get(`/api/study/queue?pack=yrd&topic=${encodeURIComponent(topic)}`)).json()) as { items: QueueItem[] };
    // The payload: a statement on a front is a true one; an mc front carries its options only when answered from them.
    for (const item of queue.items) {
      const card = item.flashcard;
      expect(card, item.key).not.toBeNull();
      if (!card) continue;
      if (card.question.form === "tf") expect(card.back.answer, card.question.prompt).toBe("正确");
      if (card.question.form === "mc") expect(card.question.choices !== undefined, card.question.prompt).toBe(card.fromOptions);
      else expect(card.fromOptions).toBe(false);
      if (item.question.form === "tf" && item.back.answer === "错误") falseQuiz++;
    }
    await page.goto(`/study?pack=yrd&topic=${encodeURIComponent(topic)}`);
    await page.getByRole("radio", { name: "闪卡" }).click();
    for (const item of queue.items) {
      const q = item.flashcard!.question;
      await expect(page.getByTestId("prompt")).toHaveText(q.prompt);
      const front = (await page.getByTestId("study-card").innerText()).replace(/\s+/g, " ");
      const needed = [...(q.left ?? []), ...(q.choices ?? []), ...(q.form === "numeric" && q.unit ? [q.unit] : [])];
      for (const text of needed) expect(front, `${q.form}: ${q.prompt}`).toContain(text.replace(/\s+/g, " "));
      if (q.form === "match") expect(q.left?.length).toBeGreaterThan(1);
      if (q.form === "order") expect(q.choices?.length).toBeGreaterThan(1);
      // A recall mc: the prompt alone, no list of options under it.
      if (q.form === "mc" && !item.flashcard!.fromOptions) await expect(page.getByTestId("study-card").locator("li")).toHaveCount(0);
      seen.add(q.form);
      cards++;
      await gradeFlashcard(page, "简单");
    }
  }
  expect(cards).toBeGreaterThanOrEqual(30);
  // The quiz keeps its own question (false statements among them); flashcards took recall forms.
  expect(falseQuiz).toBeGreaterThan(0);
  expect(seen.has("tf")).toBe(false);
  for (const form of ["typed", "numeric", "match", "multi"]) expect(seen).toContain(form);
});

test("a wrong quiz answer in study marks the right option and the pick in the list", async ({ page }) => {
  await signUp(page, { email: freshEmail("marks"), name: "批改同学", password: "marks-pass-1" });
  await page.goto("/study");
  const card = page.getByTestId("study-card");
  for (let n = 0; n < 20; n++) {
    await expect(page.getByTestId("prompt")).toBeVisible();
    const radios = card.getByRole("radio");
    if ((await radios.count()) > 2) {
      await radios.first().check();
      await card.getByRole("button", { name: "提交" }).click();
      await expect(page.getByTestId("feedback")).toBeVisible();
      if ((await page.getByTestId("feedback").innerText()).includes("回答错误")) {
        const rows = page.getByTestId("marked-answer").getByRole("listitem");
        await expect(rows.first()).toContainText("✗ 你的选择");
        await expect(rows.filter({ hasText: "✓ 正确答案" })).toHaveCount(1);
        await expect(rows.filter({ hasText: "你的选择" })).toHaveCount(1);
        return;
      }
    } else {
      await answerShownQuestion(page);
      await expect(page.getByTestId("feedback")).toBeVisible();
    }
    await page.getByRole("button", { name: "下一张" }).click();
  }
  throw new Error("no wrong multiple-choice answer among 20 cards");
});

test("the counts follow the session as cards are graded and undone, and agree with a reload and the done screen", async ({ page }) => {
  await signUp(page, { email: freshEmail("counts"), name: "计数同学", password: "count-pass-1" });
  await page.goto("/study");
  const line = page.getByTestId("study-counts");
  await expect(line).toHaveText(counts(0, 0, 20));

  // Quiz mode: a new card answered (right or wrong) comes back today as a learning step.
  await answerShownQuestion(page);
  await expect(page.getByTestId("feedback")).toBeVisible();
  await expect(line).toHaveText(counts(1, 0, 19));
  await page.getByRole("button", { name: "下一张" }).click();

  // Flashcards: Easy leaves for days; Again is back in a minute.
  await page.getByRole("radio", { name: "闪卡" }).click();
  await gradeFlashcard(page, "简单");
  await expect(line).toHaveText(counts(1, 0, 18));
  await gradeFlashcard(page, "重来");
  await expect(line).toHaveText(counts(2, 0, 17));
  await page.getByRole("button", { name: "撤销" }).click();
  await expect(page.getByText("已撤销上一次复习。")).toBeVisible();
  await expect(line).toHaveText(counts(1, 0, 18));
  await page.reload();
  await expect(line).toHaveText(counts(1, 0, 18));

  // Four new cards a day, two of them studied: the done screen comes with nothing left in the counts.
  await page.goto("/study/settings");
  await page.getByLabel("每天新卡片上限").fill("4");
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByText("设置已保存。")).toBeVisible();
  await page.goto("/study");
  await expect(line).toHaveText(counts(1, 0, 2));
  for (let n = 0; n < 3; n++) await gradeFlashcard(page, "简单");
  await expect(page.getByTestId("study-done")).toBeVisible();
  await expect(line).toHaveText(counts(0, 0, 0));
  await page.reload();
  await expect(line).toHaveText(counts(0, 0, 0));
});

test("going Back to /study shows the session as it is now, not the page as it was", async ({ page }) => {
  await signUp(page, { email: freshEmail("back"), name: "返回同学", password: "back-pass-1" });
  await page.goto("/study");
  await page.getByRole("radio", { name: "闪卡" }).click();
  const line = page.getByTestId("study-counts");
  // A card by all of its front: two questions may share a prompt ("put these in order").
  const card = page.getByTestId("study-card");
  const answered: string[] = [];
  for (let n = 0; n < 3; n++) {
    answered.push(await card.innerText());
    await gradeFlashcard(page, "简单");
  }
  await expect(line).toHaveText(counts(0, 0, 17));
  const next = await card.innerText();

  await page.getByRole("main").getByRole("link", { name: "统计" }).click();
  await expect(page).toHaveURL(/\/stats$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/study$/);
  await expect(line).toHaveText(counts(0, 0, 17));
  await expect.poll(() => card.innerText()).toBe(next);

  // Into a topic, one card there, and Back: /study has lost that card too; Forward, the topic has.
  await page.getByRole("link", { name: "相关政策" }).click();
  await expect(page).toHaveURL(/topic=/);
  await expect(line).toHaveText(/新卡\s17$/);
  const inTopic = await card.innerText();
  await gradeFlashcard(page, "简单");
  const nextInTopic = await card.innerText();
  await page.goBack();
  await expect(page).toHaveURL(/\/study$/);
  await expect(line).toHaveText(counts(0, 0, 16));
  const shown = await card.innerText();
  for (const old of [...answered, inTopic]) expect(shown).not.toBe(old);
  await page.goForward();
  await expect(page).toHaveURL(/topic=/);
  await expect(line).toHaveText(/新卡\s16$/);
  await expect.poll(() => card.innerText()).toBe(nextInTopic);
});

test("the flashcard or quiz choice is remembered across a reload and the topic chips", async ({ page }) => {
  await signUp(page, { email: freshEmail("mode"), name: "方式同学", password: "mode-pass-1" });
  await page.goto("/study");
  const flashcards = page.getByRole("radio", { name: "闪卡" });
  const quiz = page.getByRole("radio", { name: "答题" });
  await expect(quiz).toHaveAttribute("aria-checked", "true");
  await flashcards.click();
  await page.reload();
  await expect(flashcards).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("button", { name: "显示答案" })).toBeVisible();
  await page.getByRole("link", { name: "相关政策" }).click();
  await expect(page).toHaveURL(/topic=/);
  await expect(flashcards).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("button", { name: "显示答案" })).toBeVisible();
  await quiz.click();
  await page.reload();
  await expect(quiz).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("button", { name: "提交" })).toBeVisible();
});

test("a card answered in quiz mode is not graded again when the mode switches to flashcards", async ({ page }) => {
  await signUp(page, { email: freshEmail("switcher"), name: "换模式", password: "switch-pass-1" });
  await page.goto("/study");
  await expect(page.getByTestId("study-counts")).toContainText("新卡 20");
  const answered = await page.getByTestId("prompt").textContent();
  await answerShownQuestion(page);
  await expect(page.getByTestId("feedback")).toBeVisible();
  const counts = await countsText(page);

  // Switching while the feedback shows changes the next card, not this one.
  await page.getByRole("radio", { name: "闪卡" }).click();
  await expect(page.getByRole("radio", { name: "闪卡" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByTestId("feedback")).toBeVisible();
  await expect(page.getByTestId("prompt")).toHaveText(answered ?? "");
  await expect(page.getByRole("button", { name: "显示答案" })).toHaveCount(0);
  expect(await countsText(page)).toBe(counts);

  await page.getByRole("button", { name: "下一张" }).click();
  await expect(page.getByTestId("prompt")).not.toHaveText(answered ?? "");
  await page.getByRole("button", { name: "显示答案" }).click();
  await page.getByRole("button", { name: /^良好/ }).click();
  await expect(page.getByTestId("offline-status")).toHaveAttribute("data-pending", "0");

  // Two reviews of two different facets: the answered card was counted once.
  await expect
    .poll(async () => {
      const data = (await (await page.request.get("/api/account/export")).json()) as { reviews: { cardId: string; kind: string }[] };
      const reviews = data.reviews.filter((r) => r.kind === "review");
      return [reviews.length, new Set(reviews.map((r) => r.cardId)).size];
    })
    .toEqual([2, 2]);
});

test("the study page says what is true now: notes leave at the next review, an undone card comes back as shown, a grade on its way is not 'waiting'", async ({ page }) => {
  await signUp(page, { email: freshEmail("now"), name: "此刻", password: "now-pass-1" });
  await page.goto("/study");
  await expect(page.getByTestId("study-counts")).toContainText("新卡 20");

  // Every text the sync line ever shows, kept by the page itself (a flash lasts milliseconds).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { statusTexts: string[] }).statusTexts = seen;
    const status = document.querySelector('[data-testid="offline-status"]');
    if (status) new MutationObserver(() => seen.push(status.textContent ?? "")).observe(status, { subtree: true, childList: true, characterData: true });
  });

  const first = await page.getByTestId("prompt").textContent();
  await answerShownQuestion(page);
  await expect(page.getByTestId("feedback")).toBeVisible();
  await page.getByRole("button", { name: "下一张" }).click();
  await expect(page.getByTestId("prompt")).not.toHaveText(first ?? "");
  await page.getByRole("button", { name: "撤销" }).click();
  await expect(page.getByText("已撤销上一次复习。")).toBeVisible();
  // The same question, not another form of it whose answer was just shown.
  await expect(page.getByTestId("prompt")).toHaveText(first ?? "");
  await answerShownQuestion(page);
  await expect(page.getByTestId("feedback")).toBeVisible();
  await expect(page.getByText("已撤销上一次复习。")).toHaveCount(0);
  await page.getByRole("button", { name: "下一张" }).click();

  await page.getByRole("radio", { name: "闪卡" }).click();
  for (let n = 0; n < 3; n++) {
    const prompt = await page.getByTestId("prompt").textContent();
    await page.getByRole("button", { name: "显示答案" }).click();
    await page.getByRole("button", { name: /^良好/ }).click();
    await expect(page.getByTestId("prompt")).not.toHaveText(prompt ?? "");
  }
  await expect(page.getByTestId("offline-status")).toHaveAttribute("data-pending", "0");
  const shown = await page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts);
  expect(shown.filter((text) => text.includes("等待同步"))).toEqual([]);
});
