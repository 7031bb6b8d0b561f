using System.Net;
using MiniExcelLibs;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Web.Infrastructure;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Services;

namespace SocialWorkStation.Web.Tests.Volunteers;

public sealed class VolunteerApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    /// <summary>A valid resident ID number that no other test uses (random sequence, checksum computed).</summary>
    private static string NewId(string birth = "19900101")
    {
        var first17 = "460036" + birth + Random.Shared.Next(100, 999).ToString();
        return first17 + IdNumber.CheckChar(first17);
    }

    private static object NewVolunteer(string name, string idNumber, string registeredOn = "2026-02-01", string? stationId = null) => new
    {
        stationId, name, idType = "residentId", idNumber, phone = "13800000000", registeredOn, skills = "助老",
    };

    [Theory, MemberData(nameof(Providers))]
    public async Task Register_by_real_name_with_the_ID_masked_in_every_answer(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var id = NewId("19850615");
        var response = await worker.PostJson("/api/v1/volunteers", NewVolunteer("王志愿", id));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var v = await response.ReadJson();
        Assert.Equal(IdNumber.MaskBesideBirthDate(id), v.GetProperty("idNumber").GetString());
        Assert.Equal("1985-06-15", v.GetProperty("birthDate").GetString());
        Assert.DoesNotContain(id, await (await worker.GetAsync("/api/v1/volunteers?pageSize=500")).Content.ReadAsStringAsync());
        // Found by the tail of the number.
        Assert.Equal(1, (await worker.GetJson($"/api/v1/volunteers?q={id[^4..]}")).GetProperty("total").GetInt32());

        // The same person twice in one station is a conflict.
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostJson("/api/v1/volunteers", NewVolunteer("王志愿", id))).StatusCode);
        // The audit trail never holds the number in clear.
        var audit = await (await app.ClientFor("auditor")).GetJson($"/api/v1/audit?entityType=Volunteer&entityId={v.Id()}");
        Assert.DoesNotContain(id, audit.ToString());

        // Reveal asks for a reason and is audited with it.
        await (await worker.PostJson($"/api/v1/volunteers/{v.Id()}/reveal", new { reason = "" })).AssertValidationProblem("reason");
        var revealed = await (await worker.PostJson($"/api/v1/volunteers/{v.Id()}/reveal", new { reason = "录入全国志愿服务信息系统" })).ReadJson();
        Assert.Equal(id, revealed.GetProperty("idNumber").GetString());
        var reveals = await (await app.ClientFor("auditor")).GetJson($"/api/v1/audit?action=reveal&entityId={v.Id()}");
        Assert.Contains("录入全国志愿服务信息系统", reveals.GetProperty("items")[0].GetProperty("note").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("bureau")).PostJson($"/api/v1/volunteers/{v.Id()}/reveal", new { reason = "x" })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_bad_ID_is_refused_by_field_and_an_edit_needs_the_current_version(string db)
    {
        var worker = await TestApp.For(db).ClientFor("worker");
        var bad = await worker.PostJson("/api/v1/volunteers", NewVolunteer("", "460036199001011230"));
        await bad.AssertValidationProblem("idNumber");
        Assert.True((await bad.ReadJson()).GetProperty("errors").TryGetProperty("name", out _));
        await (await worker.PostJson("/api/v1/volunteers", NewVolunteer("李四", NewId(), "2099-01-01"))).AssertValidationProblem("registeredOn");

        var v = await (await worker.PostJson("/api/v1/volunteers", NewVolunteer("陈版本", NewId()))).ReadJson();
        var ok = await worker.PutJson($"/api/v1/volunteers/{v.Id()}", NewVolunteer("陈版本", NewId()).With(("version", 1), ("phone", "13900000000")));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var stale = await worker.PutJson($"/api/v1/volunteers/{v.Id()}", NewVolunteer("陈旧", NewId()).With(("version", 1)));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("陈版本", (await worker.GetJson($"/api/v1/volunteers/{v.Id()}")).GetProperty("name").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Volunteers_of_another_station_are_404_and_not_listed(string db)
    {
        var app = TestApp.For(db);
        var manager = await app.ClientFor("manager");
        var other = await ServiceData.OtherCountyStation(app);
        var v = await (await manager.PostJson("/api/v1/volunteers", NewVolunteer("湾岭志愿者Q7", NewId(), stationId: other))).ReadJson();
        var head = await app.ClientFor("head");
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/v1/volunteers/{v.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.PostJson($"/api/v1/volunteers/{v.Id()}/reveal", new { reason = "x" })).StatusCode);
        Assert.Equal(0, (await head.GetJson("/api/v1/volunteers?q=湾岭志愿者Q7")).GetProperty("total").GetInt32());
        // A service cannot be recorded for someone else's volunteer.
        await (await head.PostJson("/api/v1/volunteer-services", new { volunteerId = v.Id(), date = "2026-03-01", hours = 2, content = "x" })).AssertValidationProblem("volunteerId");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Hours_are_counted_without_travel_time(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var v = await (await worker.PostJson("/api/v1/volunteers", NewVolunteer("赵时长", NewId(), "2026-01-05"))).ReadJson();
        // Left at 8:00, back at 12:00, one hour on the road: three hours of service.
        var timed = await worker.PostJson("/api/v1/volunteer-services", new { volunteerId = v.Id(), date = "2026-03-01", startTime = "08:00", endTime = "12:00", travelMinutes = 60, content = "陪同独居老人就医" });
        Assert.Equal(HttpStatusCode.Created, timed.StatusCode);
        var s1 = await timed.ReadJson();
        Assert.Equal(3m, s1.GetProperty("hours").GetDecimal());
        Assert.Equal(60, s1.GetProperty("travelMinutes").GetInt32());
        var direct = await (await worker.PostJson("/api/v1/volunteer-services", new { volunteerId = v.Id(), date = "2026-03-02", hours = 1.5, content = "活动秩序维护" })).ReadJson();
        Assert.Equal(1.5m, direct.GetProperty("hours").GetDecimal());
        // Hours that contradict the times, travel with bare hours, a span that is all travel: refused.
        await (await worker.PostJson("/api/v1/volunteer-services", new { volunteerId = v.Id(), date = "2026-03-03", startTime = "08:00", endTime = "12:00", travelMinutes = 60, hours = 4, content = "x" })).AssertValidationProblem("hours");
        await (await worker.PostJson("/api/v1/volunteer-services", new { volunteerId = v.Id(), date = "2026-03-03", hours = 4, travelMinutes = 30, content = "x" })).AssertValidationProblem("travelMinutes");
        await (await worker.PostJson("/api/v1/volunteer-services", new { volunteerId = v.Id(), date = "2026-03-03", startTime = "08:00", endTime = "09:00", travelMinutes = 60, content = "x" })).AssertValidationProblem("travelMinutes");
        await (await worker.PostJson("/api/v1/volunteer-services", new { volunteerId = v.Id(), date = "2026-01-04", hours = 1, content = "登记前" })).AssertValidationProblem("date");

        var volunteer = await worker.GetJson($"/api/v1/volunteers/{v.Id()}");
        Assert.Equal(4.5m, volunteer.GetProperty("hours").GetDecimal());
        Assert.Equal(2, volunteer.GetProperty("serviceCount").GetInt32());

        // Editing a service: stale version is 409.
        var edited = await worker.PutJson($"/api/v1/volunteer-services/{s1.Id()}", new { date = "2026-03-01", startTime = "08:00", endTime = "12:00", travelMinutes = 30, content = "陪同独居老人就医", version = 1 });
        Assert.Equal(3.5m, (await edited.ReadJson()).GetProperty("hours").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PutJson($"/api/v1/volunteer-services/{s1.Id()}", new { date = "2026-03-01", hours = 1, content = "x", version = 1 })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task New_registrations_and_teams_are_counted_per_year(string db)
    {
        var app = TestApp.For(db);
        var manager = await app.ClientFor("manager");
        var station = await (await (await app.ClientFor("bureau")).PostJson("/api/v1/stations", new { name = "琼中县志愿者计数站", kind = "station", regionCode = "469030105", profileKey = "hainan-qiongzhong" })).ReadJson();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add((await (await manager.PostJson("/api/v1/volunteers", NewVolunteer($"计数{i}", NewId(), i == 0 ? "2024-12-31" : i == 1 ? "2025-01-01" : "2025-12-31", station.Id()))).ReadJson()).Id());
        var team = await (await manager.PostJson("/api/v1/volunteer-teams", new { stationId = station.Id(), name = "红毛镇助老志愿服务队", foundedOn = "2025-06-01", memberIds = ids.Take(2) })).ReadJson();
        Assert.Equal(2, team.GetProperty("members").GetArrayLength());
        await manager.PostJson("/api/v1/volunteer-teams", new { stationId = station.Id(), name = "已解散的服务队", foundedOn = "2024-01-01", disbandedOn = "2025-12-31" });

        var progress = await manager.GetJson($"/api/v1/volunteers/progress?stationId={station.Id()}&year=2025");
        var items = progress.GetProperty("items").EnumerateArray().ToDictionary(x => x.GetProperty("rule").GetString()!);
        Assert.Equal(2, items["volunteers.new"].GetProperty("done").GetInt32());
        Assert.Equal(30, items["volunteers.new"].GetProperty("required").GetInt32());
        Assert.False(items["volunteers.new"].GetProperty("met").GetBoolean());
        Assert.Equal(1, items["volunteers.teams"].GetProperty("done").GetInt32());
        Assert.True(items["volunteers.teams"].GetProperty("met").GetBoolean());
        Assert.Equal(2, (await manager.GetJson($"/api/v1/volunteers?stationId={station.Id()}&registeredYear=2025")).GetProperty("total").GetInt32());

        // Team stale edit and members from another station.
        var other = await ServiceData.OtherCountyStation(app);
        var stranger = await (await manager.PostJson("/api/v1/volunteers", NewVolunteer("外站", NewId(), stationId: other))).ReadJson();
        await (await manager.PutJson($"/api/v1/volunteer-teams/{team.Id()}", new { name = "红毛镇助老志愿服务队", foundedOn = "2025-06-01", memberIds = new[] { stranger.Id() }, version = 1 })).AssertValidationProblem("memberIds");
        Assert.Equal(HttpStatusCode.OK, (await manager.PutJson($"/api/v1/volunteer-teams/{team.Id()}", new { name = "红毛镇助老志愿服务队", foundedOn = "2025-06-01", memberIds = ids, version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PutJson($"/api/v1/volunteer-teams/{team.Id()}", new { name = "x", foundedOn = "2025-06-01", version = 1 })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_proof_of_service_carries_the_order_67_fields(string db)
    {
        var app = TestApp.For(db);
        var head = await app.ClientFor("head");
        var id = NewId("19780303");
        var v = await (await head.PostJson("/api/v1/volunteers", NewVolunteer("孙证明", id, "2026-01-10").With(("volunteerNumber", "46003619780303")))).ReadJson();
        await head.PostJson("/api/v1/volunteer-services", new { volunteerId = v.Id(), date = "2026-02-01", hours = 2, content = "社区清洁" });
        await head.PostJson("/api/v1/volunteer-services", new { volunteerId = v.Id(), date = "2026-03-01", startTime = "14:00", endTime = "17:30", travelMinutes = 30, content = "助老探访" });
        await (await head.PostJson($"/api/v1/volunteers/{v.Id()}/proofs", new { from = "2026-01-01" })).AssertValidationProblem("personInCharge");
        var response = await head.PostJson($"/api/v1/volunteers/{v.Id()}/proofs", new { from = "2026-01-01", to = "2026-06-30", personInCharge = "黄站长", contact = "0898-86220000", handler = "符社工" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var proof = await response.ReadJson();
        Assert.Equal("孙证明", proof.GetProperty("name").GetString());
        Assert.Equal("居民身份证", proof.GetProperty("idTypeName").GetString());
        Assert.Equal(id, proof.GetProperty("idNumber").GetString());
        Assert.Equal("46003619780303", proof.GetProperty("volunteerNumber").GetString());
        Assert.Equal(5m, proof.GetProperty("hours").GetDecimal());
        Assert.Contains("助老探访", proof.GetProperty("content").GetString());
        Assert.Equal("琼中县营根镇社会工作服务站", proof.GetProperty("issuer").GetString());
        Assert.Equal("黄站长", proof.GetProperty("personInCharge").GetString());
        Assert.Equal("0898-86220000", proof.GetProperty("contact").GetString());
        Assert.StartsWith("469030100-", proof.GetProperty("number").GetString());
        Assert.False(string.IsNullOrEmpty(proof.GetProperty("issuedOn").GetString()));
        var list = await head.GetJson($"/api/v1/volunteers/{v.Id()}/proofs");
        Assert.Equal(IdNumber.MaskBesideBirthDate(id), list[0].GetProperty("idNumber").GetString());
        Assert.Equal(id, (await head.GetJson($"/api/v1/volunteers/{v.Id()}/proofs/{proof.Id()}")).GetProperty("idNumber").GetString());
        // No service in the period: no proof.
        Assert.Equal((HttpStatusCode)422, (await head.PostJson($"/api/v1/volunteers/{v.Id()}/proofs", new { from = "2026-04-01", to = "2026-04-30", personInCharge = "黄站长", contact = "x" })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_export_masks_IDs_neutralises_formulas_and_is_audited(string db)
    {
        var app = TestApp.For(db);
        var manager = await app.ClientFor("manager");
        var station = await (await (await app.ClientFor("bureau")).PostJson("/api/v1/stations", new { name = "琼中县导出测试站", kind = "station", regionCode = "469030104", profileKey = "hainan-qiongzhong" })).ReadJson();
        var id = NewId();
        var v = await (await manager.PostJson("/api/v1/volunteers", NewVolunteer("=HYPERLINK(\"x\")", id, "2026-02-01", station.Id()).With(("skills", "@SUM(A1)")))).ReadJson();
        await manager.PostJson("/api/v1/volunteer-services", new { volunteerId = v.Id(), date = "2026-02-02", startTime = "09:00", endTime = "11:00", travelMinutes = 20, content = "+1 宣传" });
        var response = await manager.GetAsync($"/api/v1/volunteers/export?stationId={station.Id()}&year=2026");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var roster = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "志愿者名册").Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(roster);
        Assert.Equal("'=HYPERLINK(\"x\")", row["姓名"]);
        Assert.Equal("'@SUM(A1)", row["服务技能"]);
        Assert.Equal(IdNumber.MaskBesideBirthDate(id), row["证件号码"]);
        var records = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "服务时长记录").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("'+1 宣传", Assert.Single(records)["服务内容"]);
        Assert.Equal(1.67, Convert.ToDouble(records[0]["服务时长（小时）"]), 2);

        await (await manager.GetAsync($"/api/v1/volunteers/export?stationId={station.Id()}&year=2026&reveal=true")).AssertValidationProblem("reason");
        var full = await manager.GetAsync($"/api/v1/volunteers/export?stationId={station.Id()}&year=2026&reveal=true&reason=录入全国志愿服务信息系统");
        var fullRow = MiniExcel.Query(new MemoryStream(await full.Content.ReadAsByteArrayAsync()), useHeaderRow: true, sheetName: "志愿者名册").Cast<IDictionary<string, object>>().Single();
        Assert.Equal(id, fullRow["证件号码"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("bureau")).GetAsync($"/api/v1/volunteers/export?stationId={station.Id()}&reveal=true&reason=x")).StatusCode);
        var audit = await (await app.ClientFor("auditor")).GetJson($"/api/v1/audit?action=export&entityType=Volunteer&entityId={station.Id()}");
        Assert.Equal(2, audit.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor("head")).GetAsync($"/api/v1/volunteers/export?stationId={station.Id()}")).StatusCode);
    }

    private static string Day(int daysAgo) => TestClock.Today.AddDays(-daysAgo).ToString("yyyy-MM-dd");

    [Theory, MemberData(nameof(Providers))]
    public async Task Trainings_and_awards_are_kept_with_the_record_apart_from_service_hours(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var v = await (await worker.PostJson("/api/v1/volunteers", NewVolunteer("林培训", NewId("19920202")))).ReadJson();
        var url = $"/api/v1/volunteers/{v.Id()}";

        var empty = await worker.PostJson(url + "/trainings", new { });
        await empty.AssertValidationProblem("hours");
        var errors = (await empty.ReadJson()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("date", out _) && errors.TryGetProperty("name", out _), errors.ToString());
        foreach (var hours in new[] { 0m, -1m, 1.25m, 1000.5m })
        {
            await (await worker.PostJson(url + "/trainings", new { date = Day(1), name = "助老技能", hours })).AssertValidationProblem("hours");
        }
        await (await worker.PostJson(url + "/trainings", new { date = Day(-1), name = "助老技能", hours = 2 })).AssertValidationProblem("date"); // tomorrow

        // Today and 1000 class hours are the edges that pass.
        var added = await worker.PostJson(url + "/trainings", new { date = Day(0), name = "助老服务技能培训", hours = 4.5m, organiser = "琼中县志愿者协会" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var after = await added.ReadJson();
        var training = Assert.Single(after.GetProperty("trainings").EnumerateArray());
        Assert.Equal(Day(0), training.GetProperty("date").GetString());
        Assert.Equal(4.5m, training.GetProperty("hours").GetDecimal());
        Assert.Equal("琼中县志愿者协会", training.GetProperty("organiser").GetString());
        after = await (await worker.PostJson(url + "/trainings", new { date = Day(30), name = "应急救护", hours = 1000 })).ReadJson();
        Assert.Equal(1004.5m, after.GetProperty("trainingHours").GetDecimal());
        Assert.Equal(0m, after.GetProperty("hours").GetDecimal()); // class hours are not service hours
        Assert.Equal(v.Version() + 2, after.Version());

        await (await worker.PostJson(url + "/awards", new { date = Day(2), name = "优秀志愿者" })).AssertValidationProblem("grantor");
        after = await (await worker.PostJson(url + "/awards", new { date = Day(2), name = "优秀志愿者", grantor = "营根镇人民政府" })).ReadJson();
        var award = Assert.Single(after.GetProperty("awards").EnumerateArray());
        Assert.Equal("营根镇人民政府", award.GetProperty("grantor").GetString());

        // A wrong entry is removed; removing it again answers the same; the audit trail keeps what it said.
        Assert.Equal(HttpStatusCode.NoContent, (await worker.DeleteAsync($"{url}/trainings/{training.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await worker.DeleteAsync($"{url}/trainings/{training.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await worker.DeleteAsync($"{url}/awards/{award.Id()}")).StatusCode);
        var now = await worker.GetJson(url);
        Assert.Equal("应急救护", Assert.Single(now.GetProperty("trainings").EnumerateArray()).GetProperty("name").GetString());
        Assert.Empty(now.GetProperty("awards").EnumerateArray());
        var trail = await (await app.ClientFor("auditor")).GetJson($"/api/v1/audit?action=delete&entityType=VolunteerTraining&entityId={training.Id()}");
        Assert.Contains("助老服务技能培训", trail.GetProperty("items")[0].GetProperty("before").GetString());
        // Another station's volunteer is not there for this worker.
        var other = await ServiceData.OtherCountyStation(app);
        var theirs = await (await (await app.ClientFor("manager")).PostJson("/api/v1/volunteers", NewVolunteer("湾岭志愿者", NewId(), stationId: other))).ReadJson();
        Assert.Equal(HttpStatusCode.NotFound, (await worker.PostJson($"/api/v1/volunteers/{theirs.Id()}/awards", new { date = Day(1), name = "x", grantor = "y" })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_export_lists_the_year_s_trainings_and_awards_and_a_proof_states_them_only_when_asked(string db)
    {
        var app = TestApp.For(db);
        var manager = await app.ClientFor("manager");
        var station = await (await (await app.ClientFor("bureau")).PostJson("/api/v1/stations", new { name = "琼中县培训表彰测试站", kind = "station", regionCode = "469030105", profileKey = "hainan-qiongzhong" })).ReadJson();
        var v = await (await manager.PostJson("/api/v1/volunteers", NewVolunteer("黎表彰", NewId("19880808"), "2025-06-01", station.Id()))).ReadJson();
        var url = $"/api/v1/volunteers/{v.Id()}";
        await manager.PostJson("/api/v1/volunteer-services", new { volunteerId = v.Id(), date = "2026-02-01", hours = 3, content = "关爱留守儿童" });
        await manager.PostJson(url + "/trainings", new { date = "2025-12-31", name = "去年的培训", hours = 2 });
        await manager.PostJson(url + "/trainings", new { date = "2026-01-01", name = "志愿服务通识", hours = 3, organiser = "琼中县民政局" });
        await manager.PostJson(url + "/awards", new { date = "2026-03-05", name = "学雷锋优秀志愿者", grantor = "琼中县民政局" });

        var bytes = await (await manager.GetAsync($"/api/v1/volunteers/export?stationId={station.Id()}&year=2026")).Content.ReadAsByteArrayAsync();
        var trainings = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "培训记录").Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(trainings); // the first day of the year is in it, the last day of the year before is not
        Assert.Equal("志愿服务通识", row["培训名称或内容"]);
        Assert.Equal("2026-01-01", row["培训日期"]);
        Assert.Equal(v.GetProperty("idNumber").GetString(), row["证件号码"]); // masked, as on the roster
        var awards = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "表彰奖励").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("琼中县民政局", Assert.Single(awards)["授予单位"]);
        var roster = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "志愿者名册").Cast<IDictionary<string, object>>().Single();
        Assert.Equal(3m, Convert.ToDecimal(roster["2026年培训学时"]));
        Assert.Equal(1, Convert.ToInt32(roster["2026年表彰奖励（项）"]));

        var plain = await (await manager.PostJson(url + "/proofs", new { from = "2026-01-01", to = "2026-06-30", personInCharge = "黄站长", contact = "0898" })).ReadJson();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, plain.GetProperty("remarks").ValueKind); // not among the order's proof fields
        var stated = await (await manager.PostJson(url + "/proofs", new { from = "2026-01-01", to = "2026-06-30", personInCharge = "黄站长", contact = "0898", listTrainingAndAwards = true })).ReadJson();
        var remarks = stated.GetProperty("remarks").GetString()!;
        Assert.Contains("志愿服务通识（3学时，琼中县民政局）", remarks);
        Assert.Contains("学雷锋优秀志愿者（琼中县民政局）", remarks);
        Assert.DoesNotContain("去年的培训", remarks);
        Assert.Equal(remarks, (await manager.GetJson($"{url}/proofs/{stated.Id()}")).GetProperty("remarks").GetString());
    }
}
