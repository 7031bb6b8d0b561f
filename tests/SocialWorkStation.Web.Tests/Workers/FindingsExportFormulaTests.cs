using System.Net;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Workers;

/// <summary>docs/security.md "Hostile input": the findings workbook writes typed names as text, never as formulas.</summary>
public sealed class FindingsExportFormulaTests
{
    public static TheoryData<string> Providers => Db.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_name_that_looks_like_a_formula_is_exported_as_text(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var station = await WorkerTestData.NewStation(bureau);
        const string hostile = "=HYPERLINK(\"http://evil.example\",\"点我\")";
        // Born 1950: too old for the age rule, so the worker appears among the failed findings.
        await WorkerTestData.Create(bureau, WorkerTestData.Worker(station, name: hostile, birth: "1950-01-01"));
        var export = await bureau.GetAsync($"/api/v1/workers/findings/export?date=2026-03-01&stationId={station}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var names = rows.Select(r => r["社工"] as string).Where(n => n is not null && n.Contains("HYPERLINK", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Equal("'" + hostile, n));
    }
}
