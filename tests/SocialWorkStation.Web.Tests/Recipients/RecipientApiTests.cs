using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Web.Tests.Infrastructure;
using static SocialWorkStation.Web.Tests.Recipients.RecipientFixtures;

namespace SocialWorkStation.Web.Tests.Recipients;

public sealed class RecipientApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    /// <summary>A whole ID number is searched through the body (never in a URL); anything else through the query string.</summary>
    private static async Task<JsonElement> Find(HttpClient client, string q)
    {
        if (q.Length != 18)
        {
            return await client.GetJson($"/api/v1/recipients?q={Uri.EscapeDataString(q)}&pageSize=500");
        }
        // In a URL it is refused, naming q.
        await (await client.GetAsync($"/api/v1/recipients?q={q}")).AssertValidationProblem("q");
        var response = await client.PostJson("/api/v1/recipients/search", new { q, pageSize = 500 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJson();
    }

    private static IEnumerable<string> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!);

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_answer_masks_name_id_number_phone_and_hides_birth_date_and_sensitive_details(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var id = NewId(new DateOnly(1956, 3, 1));
        var name = NewName();
        var created = await Create(worker, Body(name, id, phone: "13912345678"));
        Assert.Equal(Masking.Name(name), created.GetProperty("name").GetString());
        Assert.Equal(id[..3] + "***********" + id[^4..], created.GetProperty("idNumber").GetString());
        Assert.Equal("139****5678", created.GetProperty("phone").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("birthDate").ValueKind);
        Assert.Equal(1956, created.GetProperty("birthYear").GetInt32());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("sensitive").ValueKind);
        Assert.False(created.GetProperty("revealed").GetBoolean());
        Assert.Equal((id[16] - '0') % 2 == 1 ? "male" : "female", created.GetProperty("sex").GetString()); // derived from the sequence
        var text = created.ToString();
        Assert.DoesNotContain(id, text);
        Assert.DoesNotContain("13912345678", text);
        Assert.DoesNotContain("高血压", text);

        var detail = await worker.GetJson($"/api/v1/recipients/{created.GetProperty("id").GetString()}");
        Assert.DoesNotContain(id, detail.ToString());
        var list = await worker.GetJson($"/api/v1/recipients?q={id[^4..]}");
        Assert.DoesNotContain(id, list.ToString());
        Assert.DoesNotContain(name, list.ToString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_worker_finds_a_recipient_by_pinyin_initials_full_pinyin_name_id_tail_and_whole_id(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var id = NewId();
        var created = await Create(worker, Body("单长乐", id));
        var rid = created.GetProperty("id").GetString();
        foreach (var q in new[] { "scl", "dcl", "shanchangle", "danzhangyue", "shanchang", "单长", "单长乐", id[^4..], id, id.ToLowerInvariant() })
        {
            var page = await Find(worker, q);
            Assert.True(Ids(page).Contains(rid), $"q={q} should find 单长乐");
        }
        var none = await worker.GetJson("/api/v1/recipients?q=zzzzzz");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_worker_of_one_station_cannot_find_a_recipient_of_another_by_name_pinyin_or_id(string db)
    {
        var app = TestApp.For(db);
        var other = await OtherStation(app);
        var id = NewId();
        var name = NewName("郗");
        var outsider = (await AddDirect(app, other, name, id)).ToString();
        var keys = NameKeys.For(name);
        var worker = await app.ClientFor("worker");
        foreach (var q in new[] { name, name[..2], keys.Initials[0], keys.Full[0], id[^4..], id })
        {
            Assert.DoesNotContain(outsider, Ids(await Find(worker, q)));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/v1/recipients/{outsider}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.PostJson($"/api/v1/recipients/{outsider}/reveal", new { reason = "核对低保申请材料" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/v1/recipients/{outsider}/access")).StatusCode);
        // The county's bureau finds it by each form.
        var bureau = await app.ClientFor("bureau");
        foreach (var q in new[] { name, keys.Initials[0], id[^4..], id })
        {
            Assert.Contains(outsider, Ids(await Find(bureau, q)));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Reveal_needs_the_right_and_a_reason_and_is_audited_with_the_reason(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var id = NewId();
        var name = NewName();
        var rid = (await Create(worker, Body(name, id))).GetProperty("id").GetString();

        // Roles that do not need the full number may not reveal it.
        foreach (var user in new[] { "village", "evaluator", "supervisor", "manager", "admin", "auditor" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor(user)).PostJson($"/api/v1/recipients/{rid}/reveal", new { reason = "核对低保申请材料" })).StatusCode);
        }
        await (await worker.PostJson($"/api/v1/recipients/{rid}/reveal", new { reason = " " })).AssertValidationProblem("reason");

        var revealed = await (await worker.PostJson($"/api/v1/recipients/{rid}/reveal", new { reason = "核对低保申请材料" })).ReadJson();
        Assert.True(revealed.GetProperty("revealed").GetBoolean());
        Assert.Equal(id, revealed.GetProperty("idNumber").GetString());
        Assert.Equal(name, revealed.GetProperty("name").GetString());
        Assert.Equal("13812345678", revealed.GetProperty("phone").GetString());
        Assert.Equal("高血压", revealed.GetProperty("sensitive").GetProperty("health").GetString());
        Assert.Equal(450.5m, revealed.GetProperty("sensitive").GetProperty("monthlyIncome").GetDecimal());
        Assert.Equal(id.Substring(6, 4) + "-" + id.Substring(10, 2) + "-" + id.Substring(12, 2), revealed.GetProperty("birthDate").GetString());

        var auditor = await app.ClientFor("auditor");
        var trail = await auditor.GetJson($"/api/v1/audit?entityType=Recipient&entityId={rid}&action=reveal");
        var entry = trail.GetProperty("items")[0];
        Assert.Equal("worker", entry.GetProperty("userName").GetString());
        Assert.Contains("核对低保申请材料", entry.GetProperty("note").GetString());
        // The trail never holds the values themselves.
        var all = await auditor.GetJson($"/api/v1/audit?entityType=Recipient&entityId={rid}&pageSize=500");
        Assert.DoesNotContain(id, all.ToString());
        Assert.DoesNotContain("13812345678", all.ToString());
        Assert.DoesNotContain("高血压", all.ToString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Each_detail_view_is_audited_and_the_recipient_page_shows_who_looked(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var rid = (await Create(worker, Body(NewName(), NewId()))).GetProperty("id").GetString();
        await (await app.ClientFor("evaluator")).GetJson($"/api/v1/recipients/{rid}");
        await (await app.ClientFor("head")).PostJson($"/api/v1/recipients/{rid}/reveal", new { reason = "入户走访前核对地址" });
        var access = await worker.GetJson($"/api/v1/recipients/{rid}/access");
        var entries = access.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("userName").GetString(), e.GetProperty("action").GetString())).ToList();
        Assert.Contains(("evaluator", "read"), entries);
        Assert.Contains(("head", "reveal"), entries);
        Assert.Contains(("worker", "create"), entries);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_same_id_number_in_two_stations_is_flagged_to_both_with_a_link_and_twice_in_one_station_is_409(string db)
    {
        var app = TestApp.For(db);
        var other = await OtherStation(app);
        var id = NewId();
        var theirs = await AddDirect(app, other, NewName(), id);
        var worker = await app.ClientFor("worker");
        var ours = await Create(worker, Body(NewName(), id));
        // The other station is outside the worker's scope: only that the person is registered elsewhere and whom to ask.
        var dup = ours.GetProperty("duplicates");
        Assert.True(dup[0].GetProperty("outsideScope").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, dup[0].GetProperty("recipientId").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, dup[0].GetProperty("stationId").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, dup[0].GetProperty("stationName").ValueKind);
        Assert.Contains("民政局", dup[0].GetProperty("note").GetString());
        Assert.DoesNotContain(theirs.ToString(), ours.GetRawText());
        Assert.DoesNotContain(other.ToString(), ours.GetRawText());
        // The county bureau sees both stations: named, with a link.
        var oursForBureau = await (await app.ClientFor("bureau")).GetJson($"/api/v1/recipients/{ours.GetProperty("id").GetString()}");
        Assert.Equal(theirs.ToString(), oursForBureau.GetProperty("duplicates")[0].GetProperty("recipientId").GetString());
        Assert.Equal(other.ToString(), oursForBureau.GetProperty("duplicates")[0].GetProperty("stationId").GetString());
        Assert.False(string.IsNullOrEmpty(oursForBureau.GetProperty("duplicates")[0].GetProperty("stationName").GetString()));
        // Not merged: two records remain.
        Assert.Equal(1, await CountInStation(app, other, id));
        Assert.Equal(1, await CountInStation(app, await HeadStation(app), id));
        // The other station sees the flag too, and lists can filter on it.
        var bureau = await app.ClientFor("bureau");
        var theirView = await bureau.GetJson($"/api/v1/recipients/{theirs}");
        Assert.Equal(ours.GetProperty("id").GetString(), theirView.GetProperty("duplicates")[0].GetProperty("recipientId").GetString());
        var flagged = await worker.GetJson("/api/v1/recipients?duplicates=true&pageSize=500");
        Assert.Contains(flagged.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == ours.GetProperty("id").GetString() && i.GetProperty("duplicate").GetBoolean());

        var again = await worker.PostJson("/api/v1/recipients", Body(NewName(), id.ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Id_numbers_are_checked_under_GB_11643_naming_the_field(string db)
    {
        var worker = await TestApp.For(db).ClientFor("worker");
        var fifteen = await worker.PostJson("/api/v1/recipients", Body(NewName(), "469000560301001"));
        await fifteen.AssertValidationProblem("idNumber");
        Assert.Contains("15位", (await fifteen.ReadJson()).GetProperty("errors").GetProperty("idNumber")[0].GetString());
        var good = NewId();
        var badCheck = good[..17] + (good[17] == '0' ? '1' : '0');
        await (await worker.PostJson("/api/v1/recipients", Body(NewName(), badCheck))).AssertValidationProblem("idNumber");
        await (await worker.PostJson("/api/v1/recipients", Body("", NewId()))).AssertValidationProblem("name");
        await (await worker.PostJson("/api/v1/recipients", Body(NewName(), NewId(), categories: ["nobody"]))).AssertValidationProblem("categories");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_child_under_14_needs_a_guardians_consent(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var child = NewId(new DateOnly(2018, 6, 1));
        var own = await worker.PostJson("/api/v1/recipients", Body(NewName(), child, categories: ["leftBehindChild"], consent: new { given = true, on = "2026-01-05", by = "self", sensitive = true }));
        await own.AssertValidationProblem("consent.by");
        var guardian = await Create(worker, Body(NewName(), child, categories: ["leftBehindChild"],
            consent: new { given = true, on = "2026-01-05", by = "guardian", sensitive = true, guardianName = "王奶奶" },
            guardians: [new { name = "王奶奶", relation = "祖母", phone = "13700001111" }]));
        Assert.Equal("guardian", guardian.GetProperty("consent").GetProperty("by").GetString());
        Assert.Equal("137****1111", guardian.GetProperty("guardians")[0].GetProperty("phone").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_update_keeps_masked_values_sent_back_and_a_stale_version_is_409(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var id = NewId();
        var created = await Create(worker, Body(NewName(), id, phone: "13512340000"));
        var rid = created.GetProperty("id").GetString();
        var newName = NewName();
        var put = await worker.PutJson($"/api/v1/recipients/{rid}", new
        {
            name = newName, idNumber = created.GetProperty("idNumber").GetString(), phone = created.GetProperty("phone").GetString(),
            categories = new[] { "dibao", "elderlyAlone" }, riskLevel = "high", consent = new { given = true, on = "2026-01-05", by = "self", sensitive = true }, version = 1,
        });
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var updated = await put.ReadJson();
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        Assert.Equal(new[] { "dibao", "elderlyAlone" }, updated.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!).ToArray());
        var revealed = await (await worker.PostJson($"/api/v1/recipients/{rid}/reveal", new { reason = "核对修改结果" })).ReadJson();
        Assert.Equal(id, revealed.GetProperty("idNumber").GetString());
        Assert.Equal("13512340000", revealed.GetProperty("phone").GetString());
        Assert.Equal(newName, revealed.GetProperty("name").GetString());
        // The sensitive details were not sent: they are kept.
        Assert.Equal("高血压", revealed.GetProperty("sensitive").GetProperty("health").GetString());
        // Searching by the new name's pinyin finds it, by the old one no longer.
        Assert.Contains(rid, Ids(await worker.GetJson($"/api/v1/recipients?q={NameKeys.For(newName).Full[0]}&pageSize=500")));

        var stale = await worker.PutJson($"/api/v1/recipients/{rid}", Body(NewName(), id, version: 1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Households_link_members_with_their_relation(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var head = await Create(worker, Body(NewName(), NewId()));
        var member = await worker.PostJson("/api/v1/recipients", new
        {
            name = NewName(), idNumber = NewId(), categories = new[] { "dibao" }, householdOf = head.GetProperty("id").GetString(), relation = "spouse",
        });
        Assert.Equal(HttpStatusCode.Created, member.StatusCode);
        var json = await member.ReadJson();
        Assert.Equal("spouse", json.GetProperty("relation").GetString());
        Assert.Equal(head.GetProperty("id").GetString(), json.GetProperty("household")[0].GetProperty("id").GetString());
        Assert.Equal("head", json.GetProperty("household")[0].GetProperty("relation").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Lists_filter_by_category_risk_and_village_in_the_callers_scope(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var rid = (await Create(worker, Body(NewName(), NewId(), categories: ["orphan"], riskLevel: "high", villageCode: "469030100001"))).GetProperty("id").GetString();
        Assert.Contains(rid, Ids(await worker.GetJson("/api/v1/recipients?category=orphan&riskLevel=high&pageSize=500")));
        Assert.DoesNotContain(rid, Ids(await worker.GetJson("/api/v1/recipients?category=dibao&pageSize=500")));
        Assert.Contains(rid, Ids(await worker.GetJson("/api/v1/recipients?villageCode=469030100&pageSize=500")));
        await (await worker.GetAsync("/api/v1/recipients?category=nobody")).AssertValidationProblem("category");
        await (await worker.GetAsync("/api/v1/recipients?q=12345")).AssertValidationProblem("q");
        var page = await worker.GetJson("/api/v1/recipients?pageSize=5&page=2");
        Assert.Equal(5, page.GetProperty("pageSize").GetInt32());
        Assert.True(page.GetProperty("total").GetInt32() >= 120);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_demo_county_has_a_few_hundred_recipients_with_valid_numbers(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var all = await bureau.GetJson("/api/v1/recipients?pageSize=1");
        // Other tests of the run add recipients (imports of thousands of rows), so only a floor holds here.
        var seeded = SocialWorkStation.Web.Features.Demo.DemoSeeder.RecipientsAtHeadStation + 9 * SocialWorkStation.Web.Features.Demo.DemoSeeder.RecipientsPerOtherStation;
        Assert.InRange(seeded, 300, 2000);
        Assert.True(all.GetProperty("total").GetInt32() >= seeded);
        var zs = await (await app.ClientFor("worker")).GetJson("/api/v1/recipients?q=zs");
        Assert.Contains(zs.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == "张*");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_recipient_routes()
    {
        var doc = await TestApp.For("Sqlite").Anonymous().GetJson("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/recipients", "/api/v1/recipients/{id}", "/api/v1/recipients/{id}/reveal", "/api/v1/recipients/{id}/access",
                     "/api/v1/recipients/export", "/api/v1/recipient-imports", "/api/v1/recipient-imports/{id}", "/api/v1/recipient-imports/{id}/mapping", "/api/v1/recipient-imports/{id}/confirm" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_recipient_moved_to_another_station_is_found_by_pinyin_there_and_no_longer_here(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var name = NewName("鲍");
        var created = await Create(worker, Body(name, NewId()));
        var rid = created.GetProperty("id").GetString()!;
        var initials = NameKeys.For(name).Initials[0];
        Assert.Contains(rid, Ids(await worker.GetJson($"/api/v1/recipients?q={initials}&pageSize=500")));

        var other = await OtherStation(app);
        var bureau = await app.ClientFor("bureau");
        var moved = await bureau.PutJson($"/api/v1/recipients/{rid}", new
        {
            stationId = other, name, idNumber = created.GetProperty("idNumber").GetString(), categories = new[] { "dibao" },
            consent = new { given = true, on = "2026-01-05", by = "self", sensitive = true }, version = 1,
        });
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        Assert.DoesNotContain(rid, Ids(await worker.GetJson($"/api/v1/recipients?q={initials}&pageSize=500")));
        Assert.Contains(rid, Ids(await bureau.GetJson($"/api/v1/recipients?q={initials}&stationId={other}&pageSize=500")));
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/v1/recipients/{rid}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_responsible_worker_comes_from_the_worker_register_and_filters_the_list(string db)
    {
        var app = TestApp.For(db);
        var head = await app.ClientFor("head");
        var worker = (await head.GetJson("/api/v1/workers")).GetProperty("items")[0];
        var workerId = worker.GetProperty("id").GetString()!;
        var body = new
        {
            name = NewName(), idNumber = NewId(), categories = new[] { "dibao" }, workerId,
            consent = new { given = true, on = "2026-01-05", by = "self", sensitive = false },
        };
        var created = await Create(head, body);
        Assert.Equal(workerId, created.GetProperty("workerId").GetString());
        Assert.Equal(worker.GetProperty("name").GetString(), created.GetProperty("workerName").GetString());
        Assert.Contains(created.GetProperty("id").GetString(), Ids(await head.GetJson($"/api/v1/recipients?workerId={workerId}&pageSize=500")));
        await (await head.PostJson("/api/v1/recipients", new { name = NewName(), idNumber = NewId(), workerId = Guid.NewGuid() })).AssertValidationProblem("workerId");
    }
}
