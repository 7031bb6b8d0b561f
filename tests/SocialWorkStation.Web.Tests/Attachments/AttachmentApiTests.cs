using System.Net;
using System.Security.Cryptography;
using SkiaSharp;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Services;

namespace SocialWorkStation.Web.Tests.Attachments;

public sealed class AttachmentApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static async Task<string> NewActivity(HttpClient client, string? stationId = null) =>
        (await (await client.PostJson("/api/v1/activities", new
        {
            stationId, date = "2026-04-02", place = "营根镇红星村", theme = "附件测试活动", kinds = new[] { "socialWorkPublicity" },
            workers = new[] { "符社工" }, participantCount = 12,
        })).ReadJson()).Id();

    [Theory, MemberData(nameof(Providers))]
    public async Task A_phone_photo_is_scaled_down_stored_and_served_with_its_hash(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var activity = await NewActivity(worker);
        var photo = ServiceData.Jpeg(4000, 3000);
        var response = await ServiceData.Upload(worker, "activity", activity, photo, "IMG_20260402.jpg");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var a = await response.ReadJson();
        Assert.Equal("image/jpeg", a.GetProperty("contentType").GetString());
        Assert.Equal(1600, a.GetProperty("width").GetInt32());
        Assert.Equal(1200, a.GetProperty("height").GetInt32());
        Assert.Equal(photo.Length, a.GetProperty("originalSize").GetInt64());
        Assert.Equal("IMG_20260402.jpg", a.GetProperty("fileName").GetString());

        var content = await worker.GetAsync(a.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal("nosniff", content.Headers.GetValues("X-Content-Type-Options").Single());
        var bytes = await content.Content.ReadAsByteArrayAsync();
        Assert.Equal(a.GetProperty("size").GetInt64(), bytes.Length);
        Assert.Equal(a.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        using var decoded = SKBitmap.Decode(bytes);
        Assert.Equal(1600, decoded.Width);

        var activityJson = await worker.GetJson($"/api/v1/activities/{activity}");
        Assert.Single(activityJson.GetProperty("attachments").EnumerateArray());
        var list = await worker.GetJson($"/api/v1/attachments?ownerType=activity&ownerId={activity}");
        Assert.Single(list.EnumerateArray());
        // The row knows its owner, station and uploader.
        var row = await app.WithDb(async d => await Task.FromResult(d.Attachments.Single(x => x.Id == Guid.Parse(a.Id()))));
        Assert.Equal("worker", row.UploadedByName);
        Assert.Equal(Guid.Parse(await ServiceData.HeadStation(app)), row.StationId);
        Assert.True(File.Exists(Path.Combine(app.AttachmentFolder, row.StorageKey)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_small_photo_keeps_its_size_and_a_PDF_is_stored_as_is(string db)
    {
        var worker = await TestApp.For(db).ClientFor("worker");
        var activity = await NewActivity(worker);
        var small = await (await ServiceData.Upload(worker, "activity", activity, ServiceData.Jpeg(800, 600), "small.jpg")).ReadJson();
        Assert.Equal(800, small.GetProperty("width").GetInt32());
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
        var stored = await ServiceData.Upload(worker, "activity", activity, pdf, "签到表.pdf", "signInSheet", "application/pdf");
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        var json = await stored.ReadJson();
        Assert.Equal("application/pdf", json.GetProperty("contentType").GetString());
        Assert.Equal("signInSheet", json.GetProperty("category").GetString());
        Assert.Equal(pdf.Length, json.GetProperty("size").GetInt64());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_file_too_large_or_of_a_wrong_type_is_refused(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var activity = await NewActivity(worker);
        // One byte over the default limit of 10 MB.
        var big = new byte[10 * 1024 * 1024 + 1];
        ServiceData.Jpeg(10, 10).CopyTo(big, 0);
        await (await ServiceData.Upload(worker, "activity", activity, big, "big.jpg")).AssertValidationProblem("file");
        // A program renamed to .jpg: the content decides, not the name or the claimed type.
        var exe = new byte[2048];
        "MZ"u8.CopyTo(exe);
        var renamed = await ServiceData.Upload(worker, "activity", activity, exe, "photo.jpg");
        await renamed.AssertValidationProblem("file");
        Assert.Contains("按文件内容判断", (await renamed.ReadJson()).GetProperty("errors").GetProperty("file")[0].GetString());
        // A known type the settings do not accept (GIF).
        await (await ServiceData.Upload(worker, "activity", activity, "GIF89a\u0001\u0000\u0001\u0000"u8.ToArray(), "a.gif", claimedType: "image/gif")).AssertValidationProblem("file");
        // A JPEG header with garbage behind it.
        var broken = new byte[4096];
        new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }.CopyTo(broken, 0);
        await (await ServiceData.Upload(worker, "activity", activity, broken, "broken.jpg")).AssertValidationProblem("file");
        // An unknown owner kind and a missing owner.
        await (await ServiceData.Upload(worker, "meeting", activity, ServiceData.Jpeg(10, 10), "a.jpg")).AssertValidationProblem("ownerType");
        Assert.Equal(HttpStatusCode.NotFound, (await ServiceData.Upload(worker, "activity", Guid.NewGuid().ToString(), ServiceData.Jpeg(10, 10), "a.jpg")).StatusCode);
        Assert.Empty((await worker.GetJson($"/api/v1/attachments?ownerType=activity&ownerId={activity}")).EnumerateArray());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Downloads_follow_the_owner_record_s_scope(string db)
    {
        var app = TestApp.For(db);
        var manager = await app.ClientFor("manager");
        var other = await ServiceData.OtherCountyStation(app);
        var activity = await NewActivity(manager, other);
        var a = await (await ServiceData.Upload(manager, "activity", activity, ServiceData.Jpeg(100, 100), "x.jpg")).ReadJson();
        var head = await app.ClientFor("head");
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/v1/attachments/{a.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/v1/attachments/{a.Id()}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/v1/attachments?ownerType=activity&ownerId={activity}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.DeleteAsync($"/api/v1/attachments/{a.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ServiceData.Upload(head, "activity", activity, ServiceData.Jpeg(10, 10), "y.jpg")).StatusCode);
        var bureau = await app.ClientFor("bureau");
        Assert.Equal(HttpStatusCode.OK, (await bureau.GetAsync($"/api/v1/attachments/{a.Id()}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ServiceData.Upload(bureau, "activity", activity, ServiceData.Jpeg(10, 10), "y.jpg")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Removing_an_attachment_deletes_the_file_and_keeps_who_removed_it(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var activity = await NewActivity(worker);
        var a = await (await ServiceData.Upload(worker, "activity", activity, ServiceData.Jpeg(50, 50), "del.jpg")).ReadJson();
        var key = await app.WithDb(d => Task.FromResult(d.Attachments.Single(x => x.Id == Guid.Parse(a.Id())).StorageKey));
        Assert.Equal(HttpStatusCode.NoContent, (await worker.DeleteAsync($"/api/v1/attachments/{a.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await worker.DeleteAsync($"/api/v1/attachments/{a.Id()}")).StatusCode);
        Assert.False(File.Exists(Path.Combine(app.AttachmentFolder, key)));
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/v1/attachments/{a.Id()}/content")).StatusCode);
        var row = await app.WithDb(d => Task.FromResult(d.Attachments.Single(x => x.Id == Guid.Parse(a.Id()))));
        Assert.Equal("worker", row.DeletedByName);
        Assert.Empty((await worker.GetJson($"/api/v1/attachments?ownerType=activity&ownerId={activity}")).EnumerateArray());
    }

    [Fact]
    public void Office_files_are_told_apart_by_their_parts()
    {
        static byte[] Zip(params string[] names)
        {
            using var ms = new MemoryStream();
            using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Create, true))
                foreach (var n in names) zip.CreateEntry(n);
            return ms.ToArray();
        }
        Assert.Equal(".docx", Web.Features.Attachments.ContentSniffer.Sniff(Zip("[Content_Types].xml", "word/document.xml"))!.Extension);
        Assert.Equal(".xlsx", Web.Features.Attachments.ContentSniffer.Sniff(Zip("[Content_Types].xml", "xl/workbook.xml"))!.Extension);
        Assert.Null(Web.Features.Attachments.ContentSniffer.Sniff(Zip("payload.exe")));
        _ = typeof(Activity);
    }
}
