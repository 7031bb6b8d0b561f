using System.Net;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Evaluations;

/// <summary>
/// Station self-evaluation (自评, Wenzhou 八、评估办法: station self-evaluation combined with the government's) on both
/// databases: the station head scores its own station in a selfEvaluation round and nobody else's (404); in a round where
/// the station is not a party the head gets 404; the bureau closes and reads the single party's score.
/// </summary>
public sealed class SelfEvaluationTests
{
    public static TheoryData<string> Providers => Db.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task The_station_head_scores_its_own_station_only(string db)
    {
        var app = TestApp.For(db);
        var station = await EvaluationTestData.NewStation(app, "温州自评站" + Guid.NewGuid().ToString("N")[..6], "469030103", "wenzhou");
        var bureau = await EvaluationTestData.Account(app, "BureauOfficer", "469030");
        var created = await bureau.PostJson("/api/v1/evaluation-rounds", new
        {
            kind = "selfEvaluation", serviceYear = app.Today.Year, startsOn = app.Today.AddDays(-1).ToString("yyyy-MM-dd"), endsOn = app.Today.AddDays(10).ToString("yyyy-MM-dd"),
            stationIds = new[] { station },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var round = (await created.ReadJson()).GetProperty("id").GetString()!;
        var head = await app.ClientFor(await EvaluationTestData.HeadOf(app, station));
        var url = $"/api/v1/evaluation-rounds/{round}/stations/{station}/sheet";

        var sheet = await head.GetJson(url);
        Assert.Equal("station", sheet.GetProperty("party").GetString());
        var scores = sheet.GetProperty("indicators").EnumerateArray().Where(i => i.GetProperty("isLeaf").GetBoolean())
            .Select(i => new { code = i.GetProperty("code").GetString(), points = i.GetProperty("points").GetDecimal(), note = "自评" }).ToArray();
        var saved = await head.PutJson(url, new { version = 0, comments = "自评总体良好", scores });
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await head.PostJson(url + "/submit", new { version = 1 })).StatusCode);

        // Another station's head does not reach this station (404); this head is no party of a three-party round (404).
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor("head")).GetAsync(url)).StatusCode);
        var midTerm = await EvaluationTestData.AddRoundDirect(app, Guid.Parse(station), "469030103", "wenzhou");
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/v1/evaluation-rounds/{midTerm}/stations/{station}/sheet")).StatusCode);
        // The head does not start or close rounds.
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostJson($"/api/v1/evaluation-rounds/{round}/close", new { version = 1 })).StatusCode);

        var version = (await bureau.GetJson($"/api/v1/evaluation-rounds/{round}")).GetProperty("version").GetInt32();
        var closed = await bureau.PostJson($"/api/v1/evaluation-rounds/{round}/close", new { version });
        Assert.True(closed.StatusCode == HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        var results = await head.GetJson($"/api/v1/evaluation-rounds/{round}/results");
        var row = results.GetProperty("stations")[0];
        Assert.Equal(100m, row.GetProperty("scores")[0].GetProperty("outOf100").GetDecimal());
        Assert.Equal("station", row.GetProperty("scores")[0].GetProperty("party").GetString());
    }
}
