using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Services;

namespace SocialWorkStation.Web.Tests.Attachments;

/// <summary>Issue 17 item 12 (docs/security.md "Hostile input"): decompression bombs are refused, documents are downloads.</summary>
public sealed class UploadLimitTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static async Task<string> NewActivity(HttpClient client) =>
        (await (await client.PostJson("/api/v1/activities", new
        {
            date = "2026-04-03", place = "营根镇红星村", theme = "上传限制测试", kinds = new[] { "socialWorkPublicity" }, workers = new[] { "符社工" }, participantCount = 5,
        })).ReadJson()).Id();

    /// <summary>A PNG whose header claims width × height pixels, with almost no data behind it.</summary>
    private static byte[] PngClaiming(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 6;
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var len = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var body = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(body);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(body));
        s.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>A .docx whose parts expand to more than 100 MB.</summary>
    private static byte[] DocxBomb()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open())) w.Write("<Types/>");
            using (var w = new StreamWriter(zip.CreateEntry("word/document.xml").Open())) w.Write("<document/>");
            using var big = zip.CreateEntry("word/media/zeros.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 101; i++) big.Write(zeros);
        }
        return ms.ToArray();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_62_megapixel_png_and_a_docx_that_expands_past_the_limit_are_refused(string db)
    {
        var worker = await TestApp.For(db).ClientFor("worker");
        var activity = await NewActivity(worker);
        var png = await ServiceData.Upload(worker, "activity", activity, PngClaiming(7900, 7900), "big.png", claimedType: "image/png");
        await png.AssertValidationProblem("file");
        Assert.Contains("像素", (await png.ReadJson()).GetProperty("errors").GetProperty("file")[0].GetString());
        var bomb = DocxBomb();
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb is small: {bomb.Length}");
        var docx = await ServiceData.Upload(worker, "activity", activity, bomb, "方案.docx", "document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        await docx.AssertValidationProblem("file");
        Assert.Contains("解压后", (await docx.ReadJson()).GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Empty((await worker.GetJson($"/api/v1/attachments?ownerType=activity&ownerId={activity}")).EnumerateArray());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_pdf_is_served_as_a_download_that_runs_nothing(string db)
    {
        var worker = await TestApp.For(db).ClientFor("worker");
        var activity = await NewActivity(worker);
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n<html><script>alert(1)</script></html>"u8.ToArray();
        var stored = await (await ServiceData.Upload(worker, "activity", activity, pdf, "签到表.pdf", "signInSheet", "application/pdf")).ReadJson();
        var content = await worker.GetAsync($"/api/v1/attachments/{stored.Id()}/content");
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal("attachment", content.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", content.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("sandbox", content.Headers.GetValues("Content-Security-Policy").Single());
    }
}
