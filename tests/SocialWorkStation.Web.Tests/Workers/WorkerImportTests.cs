using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SocialWorkStation.Web.Tests.Infrastructure;
using static SocialWorkStation.Web.Tests.Workers.WorkerTestData;

namespace SocialWorkStation.Web.Tests.Workers;

public sealed class WorkerImportTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static Dictionary<string, object?> Row(string name, string id, string hire = "2024-03-01", string education = "本科", string category = "社会工作") => new()
    {
        ["姓名"] = name, ["身份证号码"] = id, ["岗位"] = "社工", ["学历"] = education, ["所学专业"] = "社会工作", ["专业类别"] = category,
        ["入职日期"] = hire, ["离职日期"] = null, ["实务起始日期"] = null, ["本地户籍"] = "是", ["省内应届毕业生"] = "否", ["实训基地实习"] = null,
        ["定点联系村（社区）"] = null,
    };

    private static byte[] Workbook(List<Dictionary<string, object?>> workers, List<Dictionary<string, object?>>? certificates = null, List<Dictionary<string, object?>>? trainings = null)
    {
        using var stream = new MemoryStream();
        var sheets = new Dictionary<string, object> { ["社工"] = workers };
        if (certificates is not null) sheets["证书"] = certificates;
        if (trainings is not null) sheets["培训"] = trainings;
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client, string station, byte[] file)
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(part, "file", "社工.xlsx");
        return await client.PostAsync($"/api/v1/workers/import?stationId={station}", content);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_template_has_the_three_sheets_and_their_headers(string db)
    {
        var head = await TestApp.For(db).ClientFor("head");
        var response = await head.GetAsync("/api/v1/workers/import/template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["社工", "证书", "培训", "填写说明"], stream.GetSheetNames());
        var header = stream.Query(useHeaderRow: false, sheetName: "社工").Cast<IDictionary<string, object>>().First();
        Assert.Contains("身份证号码", header.Values);
        Assert.Contains("定点联系村（社区）", header.Values);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await TestApp.For(db).ClientFor("evaluator")).GetAsync("/api/v1/workers/import/template")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_file_with_one_bad_row_saves_nothing_and_the_corrected_file_imports_in_full(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var station = await NewStation(bureau);
        var ids = new[] { Id("1990-02-01"), Id("1991-03-02", male: false), Id("1992-04-03") };
        var workers = new List<Dictionary<string, object?>> { Row("甲", ids[0]), Row("乙", ids[1]), Row("丙", ids[2], hire: "2024-02-30") };
        var certificates = new List<Dictionary<string, object?>>
        {
            new() { ["身份证号码"] = ids[0], ["证书类别"] = "助理社会工作师", ["取得日期"] = "2020-06-30", ["已登记"] = "是" },
            new() { ["身份证号码"] = ids[1], ["证书类别"] = "社会工作员", ["取得日期"] = new DateTime(2021, 6, 30), ["已登记"] = "否" },
            new() { ["身份证号码"] = ids[2], ["证书类别"] = "社会工作员", ["取得日期"] = "2021-06-30", ["已登记"] = "否" },
        };
        var trainings = new List<Dictionary<string, object?>>
        {
            new() { ["身份证号码"] = ids[1], ["培训日期"] = "2025-05-20", ["学时"] = 7.5, ["培训机构"] = "琼中县民政局", ["培训主题"] = "个案", ["社会工作专业培训"] = "是" },
            new() { ["身份证号码"] = ids[2], ["培训日期"] = "2025-05-20", ["学时"] = 8, ["培训机构"] = "琼中县民政局", ["培训主题"] = "小组", ["社会工作专业培训"] = "是" },
        };

        var bad = await Upload(bureau, station, Workbook(workers, certificates, trainings));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = await bad.ReadJson();
        var error = Assert.Single(problem.GetProperty("importErrors").EnumerateArray());
        Assert.Equal("社工", error.GetProperty("sheet").GetString());
        Assert.Equal(4, error.GetProperty("row").GetInt32());
        Assert.Equal("入职日期", error.GetProperty("column").GetString());
        Assert.Contains("格式", error.GetProperty("message").GetString());
        Assert.Equal(0, await app.WithDb(d => d.Workers.CountAsync(w => w.PlatformId == Guid.Parse(station))));

        workers[2]["入职日期"] = "2024-02-29";
        var ok = await Upload(bureau, station, Workbook(workers, certificates, trainings));
        Assert.True(ok.StatusCode == HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        Assert.Equal(3, (await ok.ReadJson()).GetProperty("imported").GetInt32());
        var saved = await app.WithDb(d => d.Workers.AsNoTracking().Include(w => w.Certificates).Include(w => w.Trainings)
            .Where(w => w.PlatformId == Guid.Parse(station)).OrderBy(w => w.Name).ToListAsync());
        Assert.Equal(3, saved.Count);
        var yi = saved.Single(w => w.Name == "乙");
        Assert.Equal(new DateOnly(2021, 6, 30), Assert.Single(yi.Certificates).ObtainedOn);
        Assert.Equal(7.5m, Assert.Single(yi.Trainings).Hours);
        Assert.Equal(new DateOnly(2024, 2, 29), saved.Single(w => w.Name == "丙").HireDate);
        var trail = await (await app.ClientFor("auditor")).GetJson($"/api/v1/audit?action=import&entityType=Worker&entityId={station}");
        Assert.Contains("3名", trail.GetProperty("items")[0].GetProperty("note").GetString());

        // The same file again: everyone is already at work, so nothing more is saved.
        var again = await Upload(bureau, station, Workbook(workers, certificates, trainings));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(3, (await again.ReadJson()).GetProperty("importErrors").GetArrayLength());
        Assert.Equal(3, await app.WithDb(d => d.Workers.CountAsync(w => w.PlatformId == Guid.Parse(station))));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_error_is_listed_by_sheet_row_and_column(string db)
    {
        var app = TestApp.For(db);
        var head = await app.ClientFor("head");
        var station = (await head.GetJson("/api/v1/stations?kind=station")).GetProperty("items")[0].GetProperty("id").GetString()!;
        var id = Id("1993-01-01");
        var workers = new List<Dictionary<string, object?>>
        {
            Row("", id, education: "小学"),
            Row("丁", id),
            Row("戊", "123"),
        };
        workers.Add(Row("己", "x"));
        workers[3]["身份证号码"] = 469030199301011234L; // typed as a number: Excel has lost the last digits
        var certificates = new List<Dictionary<string, object?>>
        {
            new() { ["身份证号码"] = Id("1980-01-01"), ["证书类别"] = "助理社会工作师", ["取得日期"] = "2020-06-30", ["已登记"] = "是" },
            new() { ["身份证号码"] = id, ["证书类别"] = "金牌社工", ["取得日期"] = "", ["已登记"] = "也许" },
        };
        var response = await Upload(head, station, Workbook(workers, certificates));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJson()).GetProperty("importErrors").EnumerateArray()
            .Select(e => (Sheet: e.GetProperty("sheet").GetString(), Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString(), Message: e.GetProperty("message").GetString()!))
            .ToList();
        Assert.Contains(errors, e => e is { Sheet: "社工", Row: 2, Column: "姓名" });
        Assert.Contains(errors, e => e is { Sheet: "社工", Row: 2, Column: "学历" });
        Assert.Contains(errors, e => e is { Sheet: "社工", Row: 3, Column: "身份证号码" } && e.Message.Contains("第2行"));
        Assert.Contains(errors, e => e is { Sheet: "社工", Row: 4, Column: "身份证号码" });
        Assert.Contains(errors, e => e is { Sheet: "社工", Row: 5, Column: "身份证号码" } && e.Message.Contains("文本"));
        Assert.Contains(errors, e => e is { Sheet: "证书", Row: 2, Column: "身份证号码" } && e.Message.Contains("不在"));
        Assert.Contains(errors, e => e is { Sheet: "证书", Row: 3, Column: "证书类别" });
        Assert.Contains(errors, e => e is { Sheet: "证书", Row: 3, Column: "已登记" });
        Assert.All(errors, e => Assert.True(e.Message.Any(c => c >= 0x4e00 && c <= 0x9fff), e.Message));
        Assert.Equal(0, await app.WithDb(d => d.Workers.CountAsync(w => w.Name == "丁" || w.Name == "戊")));

        // A station the caller cannot see.
        var admin = await app.ClientFor("admin");
        var ledong = await NewStation(admin, "469027100", "hainan-ledong");
        var outside = await Upload(head, ledong, Workbook([Row("庚", Id("1990-01-01"))]));
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
    }
}
