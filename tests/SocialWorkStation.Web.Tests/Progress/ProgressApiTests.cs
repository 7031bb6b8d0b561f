using System.Net;
using System.Text.Json;
using SocialWorkStation.Web.Tests.Infrastructure;
using static SocialWorkStation.Web.Tests.Recipients.RecipientFixtures;

namespace SocialWorkStation.Web.Tests.Progress;

/// <summary>The progress API by scope and period: who sees what, bad input named, drill-down links, export.</summary>
public sealed class ProgressApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static IEnumerable<string> Names(JsonElement report) =>
        report.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("name").GetString()!);

    [Theory, MemberData(nameof(Providers))]
    public async Task Each_level_sees_its_own_scope_and_nothing_outside_it(string db)
    {
        var app = TestApp.For(db);
        var bureau = await (await app.ClientFor("bureau")).GetJson("/api/v1/progress?period=2026");
        Assert.Equal("469030", bureau.GetProperty("scope").GetProperty("id").GetString());
        Assert.Equal("station", bureau.GetProperty("childrenKind").GetString());
        Assert.True(bureau.GetProperty("children").GetArrayLength() >= 9);
        Assert.Contains(bureau.GetProperty("standards").EnumerateArray(), s => s.GetProperty("key").GetString() == "visits");

        // A township officer sees only the township's station; asking for the county is 404.
        var township = await app.ClientFor("township");
        var own = await township.GetJson("/api/v1/progress");
        Assert.Equal("469030100", own.GetProperty("scope").GetProperty("id").GetString());
        Assert.Contains(Names(own), n => n.Contains("营根镇"));
        Assert.DoesNotContain(Names(own), n => n.Contains("湾岭镇"));
        Assert.Equal(HttpStatusCode.NotFound, (await township.GetAsync("/api/v1/progress?region=469030")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await township.GetAsync($"/api/v1/progress?stationId={await OtherStation(app)}")).StatusCode);

        // A station head sees the station and its workers; another station, a region or a worker elsewhere is 404.
        var head = await app.ClientFor("head");
        var station = await head.GetJson("/api/v1/progress?period=2026-ytd");
        Assert.Equal("station", station.GetProperty("scope").GetProperty("kind").GetString());
        Assert.Contains("黄晓梅", Names(station));
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync("/api/v1/progress?region=469030")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/v1/progress?stationId={await OtherStation(app)}")).StatusCode);
        var otherWorker = (await (await app.ClientFor("bureau")).GetJson($"/api/v1/progress?stationId={await OtherStation(app)}"))
            .GetProperty("children").EnumerateArray().Select(c => c.GetProperty("id").GetString()).FirstOrDefault();
        if (otherWorker is not null)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/v1/progress?workerId={otherWorker}")).StatusCode);
        }
        var worker = station.GetProperty("children")[0];
        var mine = await head.GetJson("/api/v1/progress" + worker.GetProperty("link").GetString() + "&period=2026-Q1");
        Assert.Equal("worker", mine.GetProperty("scope").GetProperty("kind").GetString());
        Assert.Equal(3, mine.GetProperty("trend").GetArrayLength());

        // The bureau of one county cannot open the province.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor("bureau")).GetAsync("/api/v1/progress?region=460000")).StatusCode);
        // The province's bureau can, and drills into the county from there.
        var province = await (await app.ClientForProvince()).GetJson("/api/v1/progress?region=460000");
        Assert.Equal("region", province.GetProperty("childrenKind").GetString());
        Assert.NotEmpty(Names(province));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_periods_and_regions_are_400_naming_the_field(string db)
    {
        var bureau = await TestApp.For(db).ClientFor("bureau");
        await (await bureau.GetAsync("/api/v1/progress?period=2026-13")).AssertValidationProblem("period");
        await (await bureau.GetAsync("/api/v1/progress?period=去年")).AssertValidationProblem("period");
        await (await bureau.GetAsync("/api/v1/progress?region=4690")).AssertValidationProblem("region");
        await (await bureau.GetAsync("/api/v1/progress?region=469030100001")).AssertValidationProblem("region");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_targets_scale_with_the_period_and_the_export_is_a_workbook(string db)
    {
        var bureau = await TestApp.For(db).ClientFor("bureau");
        decimal Target(JsonElement r, string key) => r.GetProperty("standards").EnumerateArray().First(s => s.GetProperty("key").GetString() == key).GetProperty("target").GetDecimal();
        var year = await bureau.GetJson("/api/v1/progress?period=2025");
        var january = await bureau.GetJson("/api/v1/progress?period=2025-01");
        // Groups: 2 a year for each station whose profile sets it (other tests add stations under other profiles);
        // a 31-day January of 2025 asks 2 × 31/365 of each, shown to one decimal.
        // Counted per answer: tests running alongside may add a station between the two requests.
        int Stations(JsonElement r) => r.GetProperty("children").EnumerateArray()
            .Count(c => c.GetProperty("standards").EnumerateArray().Any(s => s.GetProperty("key").GetString() == "groups"));
        Assert.True(Stations(year) >= 9);
        Assert.Equal(2m * Stations(year), Target(year, "groups"));
        Assert.Equal(Math.Round(2m * Stations(january) * 31 / 365, 1), Target(january, "groups"));
        // A period that is over expects all of it.
        Assert.Equal(1m, year.GetProperty("expectedShare").GetDecimal());

        var export = await bureau.GetAsync("/api/v1/progress/export?period=2025");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var rows = Xlsx(await export.Content.ReadAsByteArrayAsync(), "下级明细");
        Assert.Contains(rows, r => r.TryGetValue("社工站", out var n) && n?.ToString()?.Contains("营根镇") == true);
    }

    private static List<IDictionary<string, object?>> Xlsx(byte[] content, string sheet)
    {
        using var stream = new MemoryStream(content);
        return MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
    }
}
