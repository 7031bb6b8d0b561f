using System.Net;
using System.Net.Http.Headers;
using MiniExcelLibs;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Evaluations;

/// <summary>
/// A county loads its own indicator tree from Excel (evaluation.md §2a) on both databases: the shipped sample (a
/// Hainan-like tree of 4 first-level, 17 second-level and 37 third-level indicators) and a 1,000-point tree load;
/// loading under the same name stores the next version and a round keeps the version it started with; a broken
/// sheet is 400 on <c>file</c> listing every error by row and column; only the bureau manager imports.
/// </summary>
public sealed class EvaluationTreeImportTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static async Task<HttpResponseMessage> Import(HttpClient client, byte[] xlsx, string? name = null, string? total = null, string fileName = "指标体系.xlsx")
    {
        using var form = new MultipartFormDataContent();
        if (name is not null) form.Add(new StringContent(name), "name");
        if (total is not null) form.Add(new StringContent(total), "total");
        var file = new ByteArrayContent(xlsx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/v1/evaluation-trees/import", form);
    }

    /// <summary>A sheet from rows of (编码, 上级编码, 名称, 分值, 评估方法, 评估内容, 数据关联); the header is row 1.</summary>
    private static byte[] Sheet(IEnumerable<object?[]> rows, string[]? header = null)
    {
        header ??= ["编码", "上级编码", "名称", "分值", "评估方法", "评估内容", "数据关联"];
        var table = rows.Select(r =>
        {
            var d = new Dictionary<string, object?>();
            for (var i = 0; i < header.Length; i++) d[header[i]] = i < r.Length ? r[i] : null;
            return d;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: "指标");
        return stream.ToArray();
    }

    private static async Task<HttpClient> Bureau(TestApp app)
    {
        await EvaluationTestData.NewStation(app, "乐东抱由导入站" + Guid.NewGuid().ToString("N")[..6], "469027100", "hainan-ledong");
        return await EvaluationTestData.Account(app, "BureauOfficer", EvaluationTestData.LedongCounty);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_shipped_sample_loads_as_a_4_17_37_tree_and_a_second_load_is_a_new_version_while_a_round_keeps_its_own(string db)
    {
        var app = TestApp.For(db);
        var bureau = await Bureau(app);
        // The sample is served where the Trees page links to it.
        var sample = await bureau.GetAsync("/samples/evaluation-tree-sample.xlsx");
        Assert.Equal(HttpStatusCode.OK, sample.StatusCode);
        var bytes = await sample.Content.ReadAsByteArrayAsync();
        var name = "海南省社工站评估标准" + Guid.NewGuid().ToString("N")[..6];

        var first = await Import(bureau, bytes, name);
        Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var v1 = await first.ReadJson();
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.Equal(100m, v1.GetProperty("total").GetDecimal());
        Assert.False(v1.GetProperty("isDefault").GetBoolean());
        var v1Id = v1.GetProperty("id").GetString()!;
        var tree = await bureau.GetJson($"/api/v1/evaluation-trees/{v1Id}");
        var level1 = tree.GetProperty("indicators").EnumerateArray().ToList();
        var level2 = level1.SelectMany(i => i.GetProperty("children").EnumerateArray()).ToList();
        var level3 = level2.SelectMany(i => i.GetProperty("children").EnumerateArray()).ToList();
        Assert.Equal([4, 17, 37], new[] { level1.Count, level2.Count, level3.Count });
        Assert.Equal(37, tree.GetProperty("leafCount").GetInt32());
        var archives = level3.First(i => i.GetProperty("code").GetString() == "2.2.1");
        Assert.Equal("archives", archives.GetProperty("fact").GetString());
        Assert.Equal(["fileReview"], archives.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        var twoMethods = level3.First(i => i.GetProperty("code").GetString() == "1.3.1");
        Assert.Equal(["fileReview", "faceToFaceInterview"], twoMethods.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));

        // A round started on version 1 keeps it when version 2 is loaded under the same name.
        var station = await EvaluationTestData.NewStation(app, "乐东抱由导入轮次站" + Guid.NewGuid().ToString("N")[..6], "469027100", "hainan-ledong");
        var round = await bureau.PostJson("/api/v1/evaluation-rounds", new
        {
            kind = "quarterlyInspection", serviceYear = app.Today.Year, startsOn = app.Today.ToString("yyyy-MM-dd"), endsOn = app.Today.AddDays(5).ToString("yyyy-MM-dd"),
            stationIds = new[] { station }, treeId = v1Id,
        });
        if (round.StatusCode == HttpStatusCode.UnprocessableEntity)
        {
            round = await bureau.PostJson("/api/v1/evaluation-rounds", new
            {
                kind = "midTerm", serviceYear = app.Today.Year, startsOn = app.Today.ToString("yyyy-MM-dd"), endsOn = app.Today.AddDays(5).ToString("yyyy-MM-dd"),
                stationIds = new[] { station }, treeId = v1Id,
            });
        }
        Assert.True(round.StatusCode == HttpStatusCode.Created, await round.Content.ReadAsStringAsync());
        var roundId = (await round.ReadJson()).GetProperty("id").GetString()!;
        var second = await Import(bureau, bytes, name);
        Assert.True(second.StatusCode == HttpStatusCode.Created, await second.Content.ReadAsStringAsync());
        var v2 = await second.ReadJson();
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        Assert.NotEqual(v1Id, v2.GetProperty("id").GetString());
        var kept = (await bureau.GetJson($"/api/v1/evaluation-rounds/{roundId}")).GetProperty("tree");
        Assert.Equal(v1Id, kept.GetProperty("id").GetString());
        Assert.Equal(1, kept.GetProperty("version").GetInt32());
        var sheet = await bureau.GetJson($"/api/v1/evaluation-rounds/{roundId}/stations/{station}/sheet");
        Assert.Equal(37, sheet.GetProperty("indicators").EnumerateArray().Count(i => i.GetProperty("isLeaf").GetBoolean()));

        // Only the bureau manager imports: an evaluator and a township officer are refused.
        var evaluator = await EvaluationTestData.Account(app, "Evaluator", EvaluationTestData.LedongCounty);
        Assert.Equal(HttpStatusCode.Forbidden, (await Import(evaluator, bytes, name)).StatusCode);
        var township = await EvaluationTestData.Account(app, "TownshipOfficer", "469027100");
        Assert.Equal(HttpStatusCode.Forbidden, (await Import(township, bytes, name)).StatusCode);

        // The Trees page offers the import and links the sample.
        var page = await (await app.BrowserFor(await EvaluationTestData.AccountName(app, "BureauOfficer", EvaluationTestData.LedongCounty))).GetStringAsync("/Evaluations/Trees");
        Assert.Contains("从 Excel 导入本县指标体系", page);
        Assert.Contains("/samples/evaluation-tree-sample.xlsx", page);
        Assert.Contains(name, page);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_1000_point_tree_loads_with_its_declared_total_and_is_refused_against_the_profiles_100(string db)
    {
        var app = TestApp.For(db);
        var bureau = await Bureau(app);
        var rows = new List<object?[]>();
        for (var a = 1; a <= 10; a++)
        {
            rows.Add([a.ToString(), null, $"一级指标{a}", 100, null, null, null]);
            for (var b = 1; b <= 4; b++)
            {
                rows.Add([$"{a}.{b}", a.ToString(), $"二级指标{a}.{b}", 25, "资料查阅、实地察看", "查阅台账", b == 1 ? "progress" : null]);
            }
        }
        var xlsx = Sheet(rows);
        var name = "千分制评估标准" + Guid.NewGuid().ToString("N")[..6];
        var loaded = await Import(bureau, xlsx, name, total: "1000");
        Assert.True(loaded.StatusCode == HttpStatusCode.Created, await loaded.Content.ReadAsStringAsync());
        var tree = await bureau.GetJson($"/api/v1/evaluation-trees/{(await loaded.ReadJson()).GetProperty("id").GetString()}");
        Assert.Equal(1000m, tree.GetProperty("total").GetDecimal());
        Assert.Equal(40, tree.GetProperty("leafCount").GetInt32());

        // Without the declared total the profile's 100 applies: refused naming the row of the last first-level indicator.
        var refused = await Import(bureau, xlsx, name);
        await refused.AssertValidationProblem("file");
        var messages = (await refused.ReadJson()).GetProperty("errors").GetProperty("file").EnumerateArray().Select(m => m.GetString()!).ToList();
        var single = Assert.Single(messages);
        Assert.StartsWith("第 47 行「分值」", single);
        Assert.Contains("合计 1000 分，应为总分 100 分", single);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_broken_sheet_is_refused_naming_every_row_and_column(string db)
    {
        var app = TestApp.For(db);
        var bureau = await Bureau(app);
        var xlsx = Sheet(
        [
            ["1", null, "项目实施", 60, null, null, null],          // row 2: children 30 + 20 ≠ 60
            ["1.1", "1", "场地设施", 30, "实地察看", null, "premises"], // row 3
            ["1.2", "1", "人员配备", 20, "神秘方法", null, null],       // row 4: unknown method
            ["2", null, "项目管理", "四十", null, null, null],        // row 5: not a number
            ["2.1", "2", "档案管理", 40, "资料查阅", null, "天气"],     // row 6: unknown fact
            ["3.1", null, "无上级", 10, null, null, null],           // row 7: parent 3 missing
            ["1.1", "1", "重复", 5, null, null, null],               // row 8: duplicate code
            ["2.2", "1", "错上级", 0, null, null, null],             // row 9: wrong parent and 0 points
        ]);
        var response = await Import(bureau, xlsx, "错误样例" + Guid.NewGuid().ToString("N")[..6]);
        await response.AssertValidationProblem("file");
        var messages = (await response.ReadJson()).GetProperty("errors").GetProperty("file").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(messages, m => m.StartsWith("第 4 行「评估方法」", StringComparison.Ordinal) && m.Contains("神秘方法"));
        Assert.Contains(messages, m => m.StartsWith("第 5 行「分值」", StringComparison.Ordinal) && m.Contains("四十"));
        Assert.Contains(messages, m => m.StartsWith("第 6 行「数据关联」", StringComparison.Ordinal) && m.Contains("天气"));
        Assert.Contains(messages, m => m.StartsWith("第 7 行「编码」", StringComparison.Ordinal) && m.Contains("上级指标“3”不在表中"));
        Assert.Contains(messages, m => m.StartsWith("第 8 行「编码」", StringComparison.Ordinal) && m.Contains("与第 3 行重复"));
        Assert.Contains(messages, m => m.StartsWith("第 9 行「上级编码」", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("第 9 行「分值」", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("第 2 行「分值」", StringComparison.Ordinal) && m.Contains("合计 50 分") && m.Contains("60 分不一致"));
        Assert.True(messages.Count >= 8, string.Join("\n", messages));

        // A sheet without the 分值 column: row 1 names it; a file that is not Excel: 400 on file.
        var noPoints = Sheet([["1", null, "项目实施"]], ["编码", "上级编码", "名称"]);
        var header = (await (await Import(bureau, noPoints)).ReadJson()).GetProperty("errors").GetProperty("file").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(header, m => m.StartsWith("第 1 行「分值」", StringComparison.Ordinal));
        await (await Import(bureau, "不是表格"u8.ToArray())).AssertValidationProblem("file");
    }
}
