using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Web.Tests.Infrastructure;
using static SocialWorkStation.Web.Tests.Workers.WorkerTestData;

namespace SocialWorkStation.Web.Tests.Workers;

public sealed class WorkerApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static IEnumerable<JsonElement> Findings(JsonElement compliance) => compliance.GetProperty("findings").EnumerateArray();

    private static JsonElement Rule(JsonElement compliance, string rule) => Findings(compliance).Single(f => f.GetProperty("rule").GetString() == rule);

    [Theory, MemberData(nameof(Providers))]
    public async Task A_worker_is_registered_with_derived_birth_date_and_sex_and_a_masked_id_number(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var station = await NewStation(bureau);
        var idNumber = Id("1993-07-08", male: false);
        var created = await bureau.PostJson("/api/v1/workers", Worker(station, "林小红", idNumber, "1993-07-08"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.ReadJson();
        Assert.Equal(IdNumber.MaskBesideBirthDate(idNumber), json.GetProperty("idNumber").GetString());
        Assert.Equal("1993-07-08", json.GetProperty("birthDate").GetString());
        Assert.Equal("female", json.GetProperty("sex").GetString());
        Assert.Equal("worker", json.GetProperty("role").GetString());
        Assert.Equal(station, json.GetProperty("stationId").GetString());
        Assert.Equal("assistant", json.GetProperty("certificates")[0].GetProperty("level").GetString());
        Assert.Equal(16m, json.GetProperty("trainings")[0].GetProperty("hours").GetDecimal());
        Assert.Equal(1, json.GetProperty("version").GetInt32());
        Assert.True(json.GetProperty("compliance").GetProperty("compliant").GetBoolean(), json.ToString());

        var list = await bureau.GetJson($"/api/v1/workers?stationId={station}");
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(IdNumber.MaskBesideBirthDate(idNumber), item.GetProperty("idNumber").GetString());
        Assert.DoesNotContain(idNumber, list.ToString());
        Assert.Equal(1, (await bureau.GetJson($"/api/v1/workers?stationId={station}&active=true")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await bureau.GetJson($"/api/v1/workers?stationId={station}&active=false")).GetProperty("total").GetInt32());
        // The ID tail finds the worker.
        Assert.Equal(1, (await bureau.GetJson($"/api/v1/workers?stationId={station}&q={idNumber[^4..]}")).GetProperty("total").GetInt32());

        // The audit trail holds the change without the number in clear.
        var id = json.GetProperty("id").GetString();
        var trail = await app.WithDb(d => d.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Worker" && e.EntityId == id).ToListAsync());
        Assert.Contains(trail, e => e.Action == "create");
        Assert.All(trail, e => Assert.DoesNotContain(idNumber, e.After + e.Before));
        Assert.DoesNotContain(await app.WithDb(d => d.AuditEntries.AsNoTracking().ToListAsync()), e => (e.After + e.Before + e.Note).Contains(idNumber));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Revealing_the_id_number_needs_the_right_and_a_reason_and_is_audited(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var station = await NewStation(bureau);
        var idNumber = Id("1990-01-20");
        var id = await Create(bureau, Worker(station, idNumber: idNumber, birth: "1990-01-20"));

        await (await bureau.PostJson($"/api/v1/workers/{id}/reveal", new { reason = "" })).AssertValidationProblem("reason");
        var revealed = await (await bureau.PostJson($"/api/v1/workers/{id}/reveal", new { reason = "核对劳动合同" })).ReadJson();
        Assert.Equal(idNumber, revealed.GetProperty("idNumber").GetString());
        // An evaluator reads workers but may not see the full number.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("evaluator")).PostJson($"/api/v1/workers/{id}/reveal", new { reason = "评估" })).StatusCode);
        var trail = await (await app.ClientFor("auditor")).GetJson($"/api/v1/audit?action=reveal&entityType=Worker&entityId={id}");
        var entry = Assert.Single(trail.GetProperty("items").EnumerateArray());
        Assert.Equal("bureau", entry.GetProperty("userName").GetString());
        Assert.Contains("核对劳动合同", entry.GetProperty("note").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_input_is_400_naming_each_field_in_Chinese(string db)
    {
        var bureau = await TestApp.For(db).ClientFor("bureau");
        var station = await NewStation(bureau);
        var bad = Worker(station);
        var good = (string)bad["idNumber"]!;
        bad["idNumber"] = good[..17] + (good[17] == '1' ? '2' : '1');
        bad["role"] = "boss";
        bad["education"] = "phd";
        bad["hireDate"] = "2024-02-30";
        bad["certificates"] = new object[] { new { kind = "gold", obtainedOn = "2020-13-01" } };
        bad["trainings"] = new object[] { new { date = "2025-05-01", hours = 0m } };
        var response = await bureau.PostJson("/api/v1/workers", bad);
        await response.AssertValidationProblem("idNumber");
        var errors = (await response.ReadJson()).GetProperty("errors");
        foreach (var field in new[] { "role", "education", "hireDate", "certificates[0].kind", "certificates[0].obtainedOn", "trainings[0].hours" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field + ": " + errors);
        }
        Assert.Contains("校验位", errors.GetProperty("idNumber")[0].GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_person_at_work_is_registered_once(string db)
    {
        var bureau = await TestApp.For(db).ClientFor("bureau");
        var station = await NewStation(bureau);
        var idNumber = Id("1991-05-05");
        await Create(bureau, Worker(station, idNumber: idNumber, birth: "1991-05-05"));
        await (await bureau.PostJson("/api/v1/workers", Worker(station, idNumber: idNumber, birth: "1991-05-05"))).AssertValidationProblem("idNumber");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Workers_outside_the_scope_are_404_and_absent_from_lists(string db)
    {
        var app = TestApp.For(db);
        var admin = await app.ClientFor("admin");
        var ledong = await NewStation(admin, "469027100", "hainan-ledong");
        var outside = await Create(admin, Worker(ledong, "乐东社工"));
        var bureau = await app.ClientFor("bureau");
        Assert.Equal(HttpStatusCode.NotFound, (await bureau.GetAsync($"/api/v1/workers/{outside}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bureau.GetAsync($"/api/v1/workers/{outside}/compliance")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bureau.PutJson($"/api/v1/workers/{outside}", Worker(ledong))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bureau.PostJson($"/api/v1/workers/{outside}/reveal", new { reason = "测试" })).StatusCode);
        Assert.Equal(0, (await bureau.GetJson($"/api/v1/workers?stationId={ledong}")).GetProperty("total").GetInt32());
        // Registering at a station outside one's scope is refused on the field.
        await (await bureau.PostJson("/api/v1/workers", Worker(ledong))).AssertValidationProblem("stationId");

        // A station head sees the workers of their own station only.
        var head = await app.ClientFor("head");
        var mine = await head.GetJson("/api/v1/workers?pageSize=500");
        Assert.True(mine.GetProperty("total").GetInt32() >= 3);
        Assert.All(mine.GetProperty("items").EnumerateArray(), w => Assert.Equal("琼中县营根镇社会工作服务站", w.GetProperty("stationName").GetString()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_update_needs_the_current_version_and_a_masked_id_number_keeps_the_stored_one(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var station = await NewStation(bureau);
        var idNumber = Id("1994-10-10");
        var id = await Create(bureau, Worker(station, "赵一", idNumber, "1994-10-10"));
        var read = await bureau.GetJson($"/api/v1/workers/{id}");

        var update = Worker(station, "赵一一", read.GetProperty("idNumber").GetString(), "1994-10-10");
        update["version"] = 1;
        update["leftOn"] = "2026-01-01";
        var ok = await bureau.PutJson($"/api/v1/workers/{id}", update);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var after = await ok.ReadJson();
        Assert.Equal("赵一一", after.GetProperty("name").GetString());
        Assert.Equal(2, after.GetProperty("version").GetInt32());
        Assert.Equal("2026-01-01", after.GetProperty("leftOn").GetString());
        Assert.Equal(idNumber, (await (await bureau.PostJson($"/api/v1/workers/{id}/reveal", new { reason = "核对" })).ReadJson()).GetProperty("idNumber").GetString());

        update["name"] = "过期";
        var stale = await bureau.PutJson($"/api/v1/workers/{id}", update);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("赵一一", (await bureau.GetJson($"/api/v1/workers/{id}")).GetProperty("name").GetString());
        update.Remove("version");
        await (await bureau.PutJson($"/api/v1/workers/{id}", update)).AssertValidationProblem("version");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Compliance_judges_the_age_limit_on_the_hire_date_inclusively(string db)
    {
        var bureau = await TestApp.For(db).ClientFor("bureau");
        var station = await NewStation(bureau);
        // Qiongzhong "45周岁（含）以下": the 46th birthday on the hire date fails, the day after passes.
        var old = await Create(bureau, Worker(station, "生日当天", birth: "1979-05-06", hireDate: "2025-05-06"));
        var young = await Create(bureau, Worker(station, "生日次日", birth: "1979-05-07", hireDate: "2025-05-06"));

        var no = await bureau.GetJson($"/api/v1/workers/{old}/compliance?date=2026-03-01");
        Assert.False(no.GetProperty("compliant").GetBoolean());
        Assert.Equal("2026-03-01", no.GetProperty("date").GetString());
        var age = Rule(no, "age");
        Assert.False(age.GetProperty("passed").GetBoolean());
        Assert.Equal("error", age.GetProperty("severity").GetString());
        Assert.Contains("46周岁", age.GetProperty("message").GetString());
        Assert.StartsWith("琼中采购需求", age.GetProperty("source").GetString());
        Assert.False(string.IsNullOrEmpty(age.GetProperty("interpretation").GetString()));

        var yes = await bureau.GetJson($"/api/v1/workers/{young}/compliance?date=2026-03-01");
        Assert.True(yes.GetProperty("compliant").GetBoolean(), yes.ToString());
        Assert.True(Rule(yes, "age").GetProperty("passed").GetBoolean());

        await (await bureau.GetAsync($"/api/v1/workers/{young}/compliance?date=2026-02-30")).AssertValidationProblem("date");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Station_compliance_adds_staffing_findings(string db)
    {
        var bureau = await TestApp.For(db).ClientFor("bureau");
        var station = await NewStation(bureau);
        await Create(bureau, Worker(station, "站长", role: "head"));
        await Create(bureau, Worker(station, "社工甲"));
        var two = await bureau.GetJson($"/api/v1/stations/{station}/compliance?date=2026-03-01");
        Assert.False(two.GetProperty("compliant").GetBoolean());
        var count = Rule(two, "staffCount");
        Assert.False(count.GetProperty("passed").GetBoolean());
        Assert.Contains("在岗驻站社工2名", count.GetProperty("message").GetString());
        Assert.Contains(Findings(two), f => f.GetProperty("rule").GetString() == "signage");

        await Create(bureau, Worker(station, "社工乙"));
        var three = await bureau.GetJson($"/api/v1/stations/{station}/compliance?date=2026-03-01");
        Assert.True(Rule(three, "staffCount").GetProperty("passed").GetBoolean());
        Assert.True(Rule(three, "workers").GetProperty("passed").GetBoolean());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_county_sets_the_required_staff_and_a_station_head_cannot(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        // A Wenzhou-profile station in a Hainan township, so that the township's villages are known.
        var station = await NewStation(bureau, "469030103", "wenzhou", requiredStaff: 4);
        Assert.Equal(4, (await bureau.GetJson($"/api/v1/stations/{station}")).GetProperty("requiredStaff").GetInt32());
        var villages = (await bureau.GetJson("/api/v1/regions/469030103/children")).EnumerateArray().Select(v => v.GetProperty("code").GetString()!).ToArray();
        Assert.NotEmpty(villages);
        await Create(bureau, Worker(station, "联系人", contactVillages: villages[..^1]));
        var c = await bureau.GetJson($"/api/v1/stations/{station}/compliance?date=2026-03-01");
        Assert.Contains("核定的4名", Rule(c, "staffCount").GetProperty("message").GetString());
        var contacts = Rule(c, "villageContacts");
        Assert.False(contacts.GetProperty("passed").GetBoolean());
        Assert.Contains("有1个没有定点联系的社工", contacts.GetProperty("message").GetString());
        // A village of another township is refused on its field.
        await (await bureau.PostJson("/api/v1/workers", Worker(station, contactVillages: ["469030100001"]))).AssertValidationProblem("contactVillages[0]");

        var head = await app.ClientFor("head");
        var mine = (await head.GetJson("/api/v1/stations?kind=station")).GetProperty("items")[0];
        var put = await head.PutJson($"/api/v1/stations/{mine.GetProperty("id").GetString()}", new
        {
            name = mine.GetProperty("name").GetString(), kind = "station", regionCode = "469030100", profileKey = "hainan-qiongzhong",
            floorArea = 31m, version = mine.GetProperty("version").GetInt32(), requiredStaff = 7,
        });
        Assert.Equal((HttpStatusCode)422, put.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_hiring_check_answers_findings_and_hints_and_saves_nothing(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var station = await NewStation(bureau);
        var before = await app.WithDb(d => d.Workers.CountAsync());
        var candidate = Worker(station, "应聘者", birth: "1980-04-01", hireDate: "2026-04-01", majorCategory: "other", certificates: [], trainings: []);
        var response = await bureau.PostJson("/api/v1/workers/hiring-check", candidate);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJson();
        Assert.False(json.GetProperty("compliant").GetBoolean());
        Assert.Equal("2026-04-01", json.GetProperty("date").GetString());
        Assert.False(Rule(json, "age").GetProperty("passed").GetBoolean());
        Assert.False(Rule(json, "major").GetProperty("passed").GetBoolean());
        Assert.False(Rule(json, "qualification").GetProperty("passed").GetBoolean());
        var hint = Assert.Single(json.GetProperty("hints").EnumerateArray());
        Assert.Equal("localHukou", hint.GetProperty("priority").GetString());
        Assert.True(hint.GetProperty("met").GetBoolean());
        Assert.Equal(before, await app.WithDb(d => d.Workers.CountAsync()));
        // Only those who hire may run it.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("worker")).PostJson("/api/v1/workers/hiring-check", candidate)).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_county_view_lists_findings_by_rule_and_severity_and_exports_them(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var all = await bureau.GetJson("/api/v1/workers/findings?date=2026-03-01&pageSize=500");
        Assert.True(all.GetProperty("stations").GetInt32() >= 11);
        Assert.True(all.GetProperty("workers").GetInt32() >= 5);
        Assert.Contains(all.GetProperty("items").EnumerateArray(), r => r.GetProperty("workerName").GetString() == "王志强" && r.GetProperty("rule").GetString() == "major");

        var ages = await bureau.GetJson("/api/v1/workers/findings?date=2026-03-01&rule=age&severity=error&passed=false&pageSize=500");
        Assert.All(ages.GetProperty("items").EnumerateArray(), r =>
        {
            Assert.Equal("age", r.GetProperty("rule").GetString());
            Assert.False(r.GetProperty("passed").GetBoolean());
        });
        Assert.Contains(ages.GetProperty("items").EnumerateArray(), r => r.GetProperty("workerName").GetString() == "李明");
        await (await bureau.GetAsync("/api/v1/workers/findings?severity=fatal")).AssertValidationProblem("severity");
        await (await bureau.GetAsync("/api/v1/workers/findings?rule=height")).AssertValidationProblem("rule");

        // A station head sees only their station's findings.
        var head = await (await app.ClientFor("head")).GetJson("/api/v1/workers/findings?date=2026-03-01&pageSize=500");
        Assert.All(head.GetProperty("items").EnumerateArray(), r => Assert.Equal("琼中县营根镇社会工作服务站", r.GetProperty("stationName").GetString()));

        var export = await bureau.GetAsync("/api/v1/workers/findings/export?date=2026-03-01&rule=age&passed=false");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (string)r["社工"] == "李明" && (string)r["检查项"] == "年龄" && (string)r["结果"] == "未通过");
        var trail = await (await app.ClientFor("auditor")).GetJson("/api/v1/audit?action=export&entityType=StaffFindings");
        Assert.True(trail.GetProperty("total").GetInt32() >= 1);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_worker_routes()
    {
        var doc = await TestApp.For("Sqlite").Anonymous().GetJson("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/workers", "/api/v1/workers/{id}", "/api/v1/workers/{id}/compliance", "/api/v1/workers/{id}/reveal",
                     "/api/v1/workers/hiring-check", "/api/v1/workers/findings", "/api/v1/workers/findings/export", "/api/v1/workers/import", "/api/v1/workers/import/template" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
        var import = paths.GetProperty("/api/v1/workers/import").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(import.TryGetProperty("multipart/form-data", out _));
    }

    [Fact]
    public async Task The_profile_api_lists_the_staff_rules_with_sources_and_enum_names()
    {
        var client = await TestApp.For("Sqlite").ClientFor("worker");
        var ledong = await client.GetJson("/api/v1/profiles/hainan-ledong");
        var age = ledong.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("path").GetString() == "staff.maxAge");
        Assert.Equal("45周岁以下（含45周岁）", age.GetProperty("value").GetString());
        Assert.Equal("第四部分（二）驻站社工资质", age.GetProperty("source").GetString());
        Assert.Equal("juniorCollege", ledong.GetProperty("rules").GetProperty("staff").GetProperty("minEducation").GetProperty("value").GetString());
    }
}
