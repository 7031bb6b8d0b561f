using System.Net;
using MiniExcelLibs;
using SocialWorkStation.Web.Tests.Infrastructure;
using static SocialWorkStation.Web.Tests.Recipients.RecipientFixtures;

namespace SocialWorkStation.Web.Tests.Recipients;

public sealed class ExportTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static async Task<List<IDictionary<string, object?>>> Sheet(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_export_is_masked_by_default_audited_per_recipient_and_neutralises_formulas(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var id = NewId();
        var rid = (await Create(worker, Body("=HYPERLINK(\"x\")", id, categories: ["vagrant"]) )).GetProperty("id").GetString();
        var rows = await Sheet(await worker.PostJson("/api/v1/recipients/export", new { category = "vagrant" }));
        var row = rows.Single(r => (string?)r["身份证号码"] == id[..3] + "***********" + id[^4..]);
        Assert.StartsWith("'", (string)row["姓名"]!);
        Assert.DoesNotContain(rows, r => r.Values.Any(v => v?.ToString()?.Contains(id) == true));

        var access = await worker.GetJson($"/api/v1/recipients/{rid}/access");
        Assert.Contains(access.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "export");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_full_export_needs_the_reveal_right_and_a_reason(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var id = NewId();
        await Create(worker, Body(NewName(), id, categories: ["communityCorrection"]));
        var manager = await app.ClientFor("manager");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await manager.PostJson("/api/v1/recipients/export", new { category = "communityCorrection", reveal = true, reason = "上报民政局" })).StatusCode);
        await (await worker.PostJson("/api/v1/recipients/export", new { category = "communityCorrection", reveal = true })).AssertValidationProblem("reason");
        var rows = await Sheet(await worker.PostJson("/api/v1/recipients/export", new { category = "communityCorrection", reveal = true, reason = "上报民政局核对名单" }));
        Assert.Contains(rows, r => (string?)r["身份证号码"] == id);
        var trail = await (await app.ClientFor("auditor")).GetJson("/api/v1/audit?action=export&entityType=Recipient&pageSize=5");
        Assert.Contains(trail.GetProperty("items").EnumerateArray(), e => e.GetProperty("note").GetString()!.Contains("上报民政局核对名单"));
    }
}
