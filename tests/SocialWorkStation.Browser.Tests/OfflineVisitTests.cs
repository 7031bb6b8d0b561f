using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>
/// A social worker records a visit on a phone with no network (issue 5, ui.md "离线是常态"): the record
/// waits on the phone with a banner and a counter, and arrives exactly once when the network returns.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfflineVisitTests(BrowserApp app)
{
    private static Task<int> CountAsync(IPage page, string recipientId) =>
        page.EvaluateAsync<int>("id => fetch('/api/v1/visits?recipientId=' + id).then(r => r.json()).then(j => j.total)", recipientId);

    /// <summary>Types the recipient's pinyin initials into the picker and taps the match, as a worker does.</summary>
    internal static async Task<string> PickRecipientAsync(IPage page, int index)
    {
        var option = page.Locator("#Input_RecipientIds option").Nth(index);
        var id = (await option.GetAttributeAsync("value"))!;
        var initials = (await option.GetAttributeAsync("data-keys"))!.Split(' ')[0];
        await page.Locator("#recipient-search").FillAsync(initials);
        await page.Locator($".picker-add[data-id='{id}']").ClickAsync();
        await Expect(page.Locator(".picker-chips")).ToContainTextAsync((await option.GetAttributeAsync("data-name"))!);
        return id;
    }

    [BrowserFact]
    public async Task A_worker_on_a_390px_phone_finds_the_recipient_by_pinyin_initials_and_records_a_visit()
    {
        var page = await app.NewPageAsync(390, 844, mobile: true);
        await app.LoginAsync(page, "worker");
        await page.GotoAsync("/Visits/Record");
        // The signed-in worker is ticked already.
        await Expect(page.Locator("input[name='Input.WorkerIds']:checked")).ToHaveCountAsync(1);
        var option = page.Locator("#Input_RecipientIds option").Nth(2);
        var initials = (await option.GetAttributeAsync("data-keys"))!.Split(' ')[0];
        await page.Locator("#recipient-search").PressSequentiallyAsync(initials);
        await Expect(page.Locator(".picker-add").First).ToBeVisibleAsync();
        var id = await PickRecipientAsync(page, 2);
        Assert.Equal([id], await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#Input_RecipientIds option:checked')].map(o => o.value)"));
        await page.GetByLabel("服务领域").SelectOptionAsync("elderlyServices");
        await page.GetByLabel("发现问题（情况）").FillAsync("拼音查找对象后走访");
        await page.GetByLabel("服务内容").FillAsync("了解近况");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存走访记录" }).ClickAsync();
        await page.WaitForURLAsync("**/Visits?saved=**");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已保存走访记录" })).ToBeVisibleAsync();
        await Expect(page.GetByText("拼音查找对象后走访").First).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task A_visit_recorded_offline_on_a_phone_is_sent_once_when_the_network_returns()
    {
        var page = await app.NewPageAsync(360, 740, mobile: true);
        await app.LoginAsync(page, "worker");
        // The home page (今日) leads to the form with its big button.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "记录走访" }).First.ClickAsync();
        await page.WaitForURLAsync("**/Visits/Record**");

        var recipientId = await page.Locator("#Input_RecipientIds option").First.GetAttributeAsync("value");
        Assert.NotNull(recipientId);
        var before = await CountAsync(page, recipientId!);

        await page.Context.SetOfflineAsync(true);
        await PickRecipientAsync(page, 0);
        await page.GetByLabel("电话问候").CheckAsync();
        var worker = page.Locator("input[name='Input.WorkerIds']").First;
        if (!await worker.IsCheckedAsync())
        {
            await worker.CheckAsync();
        }
        await page.GetByLabel("服务领域").SelectOptionAsync("elderlyServices");
        await page.GetByLabel("发现问题（情况）").FillAsync("电话询问近况，身体尚可");
        await page.GetByLabel("服务内容").FillAsync("提醒按时服药，告知社工站电话");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存走访记录" }).ClickAsync();

        await Expect(page.GetByText("离线，记录将在联网后自动提交")).ToBeVisibleAsync();
        await Expect(page.Locator("#queue-count")).ToHaveTextAsync("1");
        await app.ScreenshotAsync(page, "f-phone-visit-offline");

        await page.Context.SetOfflineAsync(false);
        await Expect(page.Locator("#queue-count")).ToHaveTextAsync("0");
        // A second flush (another tab, a reload) sends nothing more.
        await page.EvaluateAsync("() => window.swsVisits.flush()");
        Assert.Equal(before + 1, await CountAsync(page, recipientId!));
        await Expect(page.Locator("#offline-banner")).ToBeHiddenAsync();
    }

    [BrowserFact]
    public async Task Online_a_visit_is_saved_and_shown_in_the_ledger_and_missing_fields_are_named()
    {
        var page = await app.NewPageAsync(360, 740, mobile: true);
        await app.LoginAsync(page, "worker");
        await page.GotoAsync("/Visits/Record");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存走访记录" }).ClickAsync();
        await Expect(page.Locator("[data-field='findings']")).ToContainTextAsync("发现问题");
        await Expect(page.Locator("[data-field='recipientIds']")).ToContainTextAsync("走访对象");

        await PickRecipientAsync(page, 1);
        var worker = page.Locator("input[name='Input.WorkerIds']").First;
        if (!await worker.IsCheckedAsync())
        {
            await worker.CheckAsync();
        }
        await page.GetByLabel("服务领域").SelectOptionAsync("socialAssistance");
        await page.GetByLabel("发现问题（情况）").FillAsync("屋顶漏雨");
        await page.GetByLabel("服务内容").FillAsync("联系村委会维修");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存走访记录" }).ClickAsync();
        await page.WaitForURLAsync("**/Visits?saved=**");
        await Expect(page.GetByText("屋顶漏雨").First).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task A_stale_edit_of_a_visit_shows_both_versions()
    {
        var page = await app.NewPageAsync(360, 740, mobile: true);
        await app.LoginAsync(page, "worker");
        // The visit is dated on the server's pinned day (TestClock), not the browser's.
        var visit = await page.EvaluateAsync<string>("""
            async today => {
              const rs = await (await fetch('/api/v1/recipients?pageSize=1')).json();
              const ws = await (await fetch('/api/v1/workers')).json();
              const body = { kind: 'homeVisit', visitedOn: today, recipientIds: [rs.items[0].id],
                workerIds: [ws.items[0].id], domain: 'elderlyServices', findings: '原来的情况', serviceContent: '原来的服务' };
              const r = await fetch('/api/v1/visits', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
              return (await r.json()).id;
            }
            """, app.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GotoAsync($"/Visits/Record/{visit}");
        // Someone else saves first (version 1 → 2).
        await page.EvaluateAsync("""
            async id => {
              const v = await (await fetch('/api/v1/visits/' + id)).json();
              await fetch('/api/v1/visits/' + id, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({
                kind: v.kind, visitedOn: v.visitedOn, recipientIds: v.recipients.map(r => r.id), workerIds: v.workers.map(w => w.id),
                domain: v.domain, findings: '别人改过的情况', serviceContent: v.serviceContent, version: v.version }) });
            }
            """, visit);
        await page.GetByLabel("发现问题（情况）").FillAsync("我改的情况");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存走访记录" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("已被他人修改");
        await Expect(page.Locator("main")).ToContainTextAsync("别人改过的情况");
        await Expect(page.GetByLabel("发现问题（情况）")).ToHaveValueAsync("我改的情况");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存走访记录" }).ClickAsync();
        await page.WaitForURLAsync("**/Visits");
        await Expect(page.GetByText("我改的情况").First).ToBeVisibleAsync();
    }
}
