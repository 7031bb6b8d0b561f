using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Recipients;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Recipients;

public static class RecipientFixtures
{
    private static readonly HashSet<string> Issued = [];

    /// <summary>
    /// A valid synthetic ID number never handed out before in this test run, under the address code 469099
    /// (not issued, and apart from the demo county's 469000, so a test never collides with demo data).
    /// </summary>
    public static string NewId(DateOnly? birth = null)
    {
        while (true)
        {
            var b = birth ?? new DateOnly(1940, 1, 1).AddDays(Random.Shared.Next(0, 365 * 60));
            var first17 = "469099" + b.ToString("yyyyMMdd") + Random.Shared.Next(0, 1000).ToString("000");
            var id = first17 + IdNumber.CheckChar(first17);
            lock (Issued)
            {
                if (Issued.Add(id))
                {
                    return id;
                }
            }
        }
    }

    /// <summary>A name nobody else in the test run has: a rare surname plus random given-name characters.</summary>
    public static string NewName(string surname = "宓")
    {
        const string chars = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
        return surname + chars[Random.Shared.Next(chars.Length)] + chars[Random.Shared.Next(chars.Length)];
    }

    public static object Body(string name, string idNumber, string? phone = "13812345678", Guid? stationId = null, string[]? categories = null,
        object? consent = null, object[]? guardians = null, object? sensitive = null, int? version = null, string? villageCode = null, string? riskLevel = null) => new
    {
        stationId, name, idNumber, phone, villageCode, address = "第一村民小组8号", categories = categories ?? ["dibao"], riskLevel = riskLevel ?? "medium",
        consent = consent ?? new { given = true, on = "2026-01-05", by = "self", sensitive = true },
        guardians = guardians ?? [], sensitive = sensitive ?? new { health = "高血压", monthlyIncome = 450.5m, notes = "个案备注：家中有矛盾" }, version,
    };

    public static async Task<JsonElement> Create(HttpClient client, object body)
    {
        var response = await client.PostJson("/api/v1/recipients", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    public static async Task<Guid> HeadStation(TestApp app) =>
        Guid.Parse((await (await app.ClientFor("head")).GetJson("/api/v1/stations?kind=station")).GetProperty("items")[0].GetProperty("id").GetString()!);

    /// <summary>Another station of the demo county (湾岭镇 or whichever comes first after 营根镇).</summary>
    public static async Task<Guid> OtherStation(TestApp app)
    {
        var head = await HeadStation(app);
        var all = await (await app.ClientFor("bureau")).GetJson("/api/v1/stations?kind=station&pageSize=100");
        return all.GetProperty("items").EnumerateArray().Select(s => Guid.Parse(s.GetProperty("id").GetString()!)).First(id => id != head);
    }

    /// <summary>Writes a recipient straight into the database (for stations no demo account may write to).</summary>
    public static async Task<Guid> AddDirect(TestApp app, Guid stationId, string name, string? idNumber = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<RecipientProtector>();
        var r = new Recipient { StationId = stationId, CreatedAt = DateTime.UtcNow, RegisteredOn = new DateOnly(2026, 1, 1) };
        RecipientFields.SetName(r, name);
        RecipientFields.SetIdentity(r, IdNumber.TryParse(idNumber ?? NewId(), out _)!, protector);
        db.Recipients.Add(r);
        await db.SaveChangesAsync();
        return r.Id;
    }

    public static async Task<Guid> AddImportDirect(TestApp app, Guid stationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var import = new RosterImport { StationId = stationId, Category = RecipientCategory.Dibao, FileName = "样本.xlsx", HeadersJson = "[\"姓名\",\"身份证号码\"]", CreatedBy = "test", CreatedAt = DateTime.UtcNow };
        db.RosterImports.Add(import);
        await db.SaveChangesAsync();
        return import.Id;
    }

    public static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.ToList(), excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static async Task<HttpResponseMessage> Upload(HttpClient client, byte[] xlsx, string category = "dibao", Guid? stationId = null)
    {
        var content = new ByteArrayContent(xlsx);
        content.Headers.ContentType = new MediaTypeHeaderValue(ImportRoster.XlsxType);
        var url = $"/api/v1/recipient-imports?category={category}&fileName=roster.xlsx" + (stationId is null ? "" : $"&stationId={stationId}");
        return await client.PostAsync(url, content);
    }

    /// <summary>Polls the import until its job leaves the queue and running states (the runner polls the database).</summary>
    public static async Task<JsonElement> WaitFor(HttpClient client, string importId, params string[] statuses)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var json = await client.GetJson($"/api/v1/recipient-imports/{importId}");
            var status = json.GetProperty("status").GetString();
            if (statuses.Contains(status))
            {
                return json;
            }
            Assert.True(DateTime.UtcNow < deadline, $"import still {status}");
            await Task.Delay(200);
        }
    }

    /// <summary>Uploads, maps, waits for the check; returns the checked import.</summary>
    public static async Task<JsonElement> UploadAndCheck(HttpClient client, byte[] xlsx, string category = "dibao", object? mapping = null)
    {
        var upload = await Upload(client, xlsx, category);
        Assert.True(upload.StatusCode == HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        var id = (await upload.ReadJson()).GetProperty("id").GetString()!;
        var mapped = await client.PutJson($"/api/v1/recipient-imports/{id}/mapping", new { mapping = mapping ?? new { name = "姓名", idNumber = "身份证号码", phone = "联系电话" } });
        Assert.True(mapped.IsSuccessStatusCode, await mapped.Content.ReadAsStringAsync());
        return await WaitFor(client, id, "checked", "failed");
    }

    public static async Task<JsonElement> Confirm(HttpClient client, string id)
    {
        var confirm = await client.PostAsync($"/api/v1/recipient-imports/{id}/confirm", null);
        Assert.True(confirm.IsSuccessStatusCode, await confirm.Content.ReadAsStringAsync());
        return await WaitFor(client, id, "applied", "failed");
    }

    public static async Task<int> CountInStation(TestApp app, Guid stationId, string idNumber)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var hash = scope.ServiceProvider.GetRequiredService<RecipientProtector>().IdHash(idNumber);
        return await db.Recipients.CountAsync(r => r.StationId == stationId && r.IdNumberHash == hash);
    }
}
