using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>A social worker starts a group on a phone, records sessions with attendance ticked per member, and adds a session's photos.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GroupSessionTests(BrowserApp app)
{
    [BrowserFact]
    public async Task A_worker_records_a_group_session_with_attendance_on_a_phone()
    {
        var page = await app.NewPageAsync(360, 740, mobile: true);
        await app.LoginAsync(page, "worker");
        await NewGroupAsync(page, "长者健康互助小组");
        await Expect(page.Locator("#sessions-held strong")).ToHaveTextAsync("0");

        await page.GetByLabel("本节内容").FillAsync("第一次见面，订立小组契约");
        var ticks = page.Locator("#Session_AttendeeIds input[type=checkbox]");
        await Expect(ticks).ToHaveCountAsync(3);
        await ticks.Nth(0).CheckAsync();
        await ticks.Nth(2).CheckAsync();
        var box = await ticks.Nth(0).Locator("xpath=..").BoundingBoxAsync();
        Assert.True(box is { Height: >= 44 }, "出席勾选项的触控区域至少 44 像素高");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录本节" }).ClickAsync();

        await Expect(page.Locator("#sessions-held strong")).ToHaveTextAsync("1");
        await Expect(page.Locator("#participant-times strong")).ToHaveTextAsync("2");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("出席 2 人");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await app.ScreenshotAsync(page, "f-phone-group-session");
    }

    [BrowserFact]
    public async Task A_worker_uploads_a_session_photo_on_a_phone_and_sees_it_under_that_session()
    {
        var page = await app.NewPageAsync(390, 844, mobile: true);
        await app.LoginAsync(page, "worker");
        await NewGroupAsync(page, "亲子阅读小组");
        foreach (var content in new[] { "相互认识，介绍小组目标", "共读绘本，分享感受" })
        {
            await page.GetByLabel("本节内容").FillAsync(content);
            await page.GetByRole(AriaRole.Button, new() { Name = "记录本节" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已记录");
        }

        // Each session has its own panel; the photo goes to the second one only.
        var first = page.Locator("section.attachments-panel").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "第 1 节照片与签到表（0）" }) });
        var second = page.Locator("section.attachments-panel").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "第 2 节照片与签到表（0）" }) });
        await Expect(second).ToHaveCountAsync(1);
        var fold = second.Locator("summary", new() { HasText = "添加照片或签到表" });
        Assert.True(await fold.BoundingBoxAsync() is { Height: >= 44 }, "展开上传的触控区域至少 44 像素高");
        await Expect(second.GetByLabel("选择或拍摄")).Not.ToBeVisibleAsync(); // folded until asked for
        await fold.ClickAsync();
        await second.GetByLabel("类别").SelectOptionAsync("signInSheet");
        await second.GetByLabel("选择或拍摄").SetInputFilesAsync(new FilePayload { Name = "签到表.png", MimeType = "image/png", Buffer = Png(64, 48) });
        var upload = second.GetByRole(AriaRole.Button, new() { Name = "上传" });
        var box = await upload.BoundingBoxAsync();
        Assert.True(box is { Height: >= 44 }, "上传按钮的触控区域至少 44 像素高");
        await upload.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已上传 1 个文件");
        Assert.Contains("#att-", page.Url); // back at the session's panel, not the top of the page
        second = page.Locator("section.attachments-panel").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "第 2 节照片与签到表（1）" }) });
        await Expect(second.Locator("li.attachment")).ToHaveCountAsync(1);
        await Expect(second.Locator("li.attachment")).ToContainTextAsync("签到表");
        await Expect(second.Locator("li.attachment img")).ToHaveAttributeAsync("alt", "签到表.png");
        await Expect(first.Locator("li.attachment")).ToHaveCountAsync(0);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await app.ScreenshotAsync(page, "f-phone-group-session-photo");
    }

    /// <summary>From the services tab: a new group of the station's first three recipients, ending on its page.</summary>
    private static async Task NewGroupAsync(IPage page, string name)
    {
        await page.Locator("nav.tabbar").GetByRole(AriaRole.Link, new() { Name = "服务", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "新建小组" }).ClickAsync();
        await page.WaitForURLAsync("**/Groups/Edit");
        await page.GetByLabel("小组名称").FillAsync(name);
        await page.GetByLabel("小组目的").FillAsync("增进组员之间的互助与交流");
        await page.GetByLabel("计划节数").FillAsync("4");
        await page.GetByLabel("组员（可多选）").SelectOptionAsync(new[] { new SelectOptionValue { Index = 0 }, new SelectOptionValue { Index = 1 }, new SelectOptionValue { Index = 2 } });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Groups/Details/**");
    }

    private static byte[] Png(int width, int height)
    {
        using var bmp = new SKBitmap(width, height);
        using (var c = new SKCanvas(bmp)) c.Clear(SKColors.Teal);
        using var img = SKImage.FromBitmap(bmp);
        return img.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }
}
