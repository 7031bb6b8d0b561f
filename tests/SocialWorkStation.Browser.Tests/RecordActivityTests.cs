using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>
/// A social worker records a township activity on a phone (issue 5A): the form at 360 px, a photo
/// taken with the phone attached on the same form, the activity saved with the photo scaled for phones.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RecordActivityTests(BrowserApp app)
{
    [BrowserFact]
    public async Task A_worker_records_an_activity_with_a_photo_on_a_phone()
    {
        var page = await app.NewPageAsync(360, 740, mobile: true);
        await app.LoginAsync(page, "worker");

        await page.Locator("nav.tabbar").GetByRole(AriaRole.Link, new() { Name = "服务", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "记录社区活动" }).ClickAsync();
        await page.WaitForURLAsync("**/Activities/Edit");

        await page.GetByLabel("活动日期").FillAsync("2026-03-20");
        await page.GetByLabel("地点", new() { Exact = true }).FillAsync("营根镇新市村文化室");
        await page.GetByLabel("活动主题").FillAsync("社工进村宣传日");
        await page.GetByLabel("社会工作宣传").CheckAsync();
        await page.GetByLabel("志愿服务倡导").CheckAsync();
        await page.GetByLabel("参与人数").FillAsync("10");
        await page.GetByLabel("活动内容").FillAsync("介绍社工站服务，招募志愿者");
        var box = await page.GetByLabel("社会工作宣传").Locator("xpath=..").BoundingBoxAsync();
        Assert.True(box is { Height: >= 44 }, "活动类型选项的触控区域至少 44 像素高");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));

        await page.Locator("#photos").SetInputFilesAsync(new FilePayload { Name = "IMG_0320.jpg", MimeType = "image/jpeg", Buffer = Photo(3000, 2000) });
        await app.ScreenshotAsync(page, "e-phone-record-activity");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/Activities/Details/**");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "社工进村宣传日" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("上传照片 1 张");
        await Expect(page.Locator(".facts")).ToContainTextAsync("计入");
        var img = page.Locator(".attachment img");
        await Expect(img).ToHaveCountAsync(1);
        // The photo is served back through the owner's scope, scaled to 1600 px on its longer side.
        var width = await img.EvaluateAsync<int>("i => i.complete ? i.naturalWidth : new Promise(r => i.onload = () => r(i.naturalWidth))");
        Assert.Equal(1600, width);
        await app.ScreenshotAsync(page, "e-phone-activity-saved");
    }

    private static byte[] Photo(int width, int height)
    {
        using var bmp = new SKBitmap(width, height);
        using (var c = new SKCanvas(bmp))
        {
            c.Clear(SKColors.LightGoldenrodYellow);
            using var paint = new SKPaint { Color = SKColors.SeaGreen };
            c.DrawCircle(width / 2f, height / 2f, height / 3f, paint);
        }
        using var img = SKImage.FromBitmap(bmp);
        return img.Encode(SKEncodedImageFormat.Jpeg, 85).ToArray();
    }
}
