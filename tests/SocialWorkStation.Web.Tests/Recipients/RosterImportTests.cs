using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Web.Tests.Infrastructure;
using static SocialWorkStation.Web.Tests.Recipients.RecipientFixtures;

namespace SocialWorkStation.Web.Tests.Recipients;

public sealed class RosterImportTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static Dictionary<string, object?> Row(string name, string id, string? phone = null) =>
        new() { ["序号"] = 1, ["姓名"] = name, ["身份证号码"] = id, ["联系电话"] = phone ?? "" };

    [Theory, MemberData(nameof(Providers))]
    public async Task A_roster_with_one_bad_row_shows_every_problem_by_row_and_column_and_imports_nothing(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var good = NewId();
        var duplicate = NewId();
        var bad = good[..17] + (good[17] == '0' ? '1' : '0');
        var xlsx = Xlsx([Row(NewName(), good), Row(NewName(), bad), Row("", NewId()), Row(NewName(), duplicate), Row(NewName(), duplicate), Row(NewName(), "469000560301001")]);
        var checkedImport = await UploadAndCheck(worker, xlsx);
        Assert.Equal("checked", checkedImport.GetProperty("status").GetString());
        var problems = checkedImport.GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString(), p.GetProperty("message").GetString()!)).ToList();
        Assert.Contains(problems, p => p.Item1 == 3 && p.Item2 == "身份证号码" && p.Item3.Contains("校验位"));
        Assert.Contains(problems, p => p.Item1 == 4 && p.Item2 == "姓名");
        Assert.Contains(problems, p => p.Item1 == 6 && p.Item2 == "身份证号码" && p.Item3.Contains("第5行"));
        Assert.Contains(problems, p => p.Item1 == 7 && p.Item3.Contains("15位"));
        Assert.Equal(4, checkedImport.GetProperty("problemCount").GetInt32());

        var confirm = await worker.PostAsync($"/api/v1/recipient-imports/{checkedImport.GetProperty("id").GetString()}/confirm", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, confirm.StatusCode);
        Assert.Equal(0, await CountInStation(app, await HeadStation(app), good));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Importing_the_same_roster_again_changes_nothing_and_a_later_roster_shows_who_is_new_and_who_left(string db)
    {
        var app = TestApp.For(db);
        var head = await app.ClientFor("head");
        var people = Enumerable.Range(0, 5).Select(_ => (Name: NewName("鄢"), Id: NewId())).ToList();
        // Each test uses its own roster category so parallel tests do not see each other's rosters.
        const string category = "familyPlanningSpecial";
        var first = await UploadAndCheck(head, Xlsx(people.Select(p => Row(p.Name, p.Id, "13800000000"))), category);
        Assert.Equal(5, first.GetProperty("diff").GetProperty("new").GetInt32());
        var applied = await Confirm(head, first.GetProperty("id").GetString()!);
        Assert.Equal("applied", applied.GetProperty("status").GetString());
        Assert.Equal(100, applied.GetProperty("percent").GetInt32());
        foreach (var p in people)
        {
            Assert.Equal(1, await CountInStation(app, await HeadStation(app), p.Id));
        }
        var found = await head.GetJson($"/api/v1/recipients?q={NameKeys.For(people[0].Name).Initials[0]}&category={category}&pageSize=500");
        Assert.True(found.GetProperty("total").GetInt32() >= 1);

        var versionsBefore = await Versions(head, category);
        var again = await UploadAndCheck(head, Xlsx(people.Select(p => Row(p.Name, p.Id, "13800000000"))), category);
        var diff = again.GetProperty("diff");
        Assert.Equal((0, 0, 5, 0), (diff.GetProperty("new").GetInt32(), diff.GetProperty("changed").GetInt32(), diff.GetProperty("unchanged").GetInt32(), diff.GetProperty("left").GetInt32()));
        await Confirm(head, again.GetProperty("id").GetString()!);
        Assert.Equal(versionsBefore, await Versions(head, category));

        // Next month: one left, one arrived, one changed phone.
        var newcomer = (Name: NewName("鄢"), Id: NewId());
        var later = people.Skip(1).Append(newcomer).Select(p => Row(p.Name, p.Id, p.Id == people[1].Id ? "13900000000" : "13800000000"));
        var third = await UploadAndCheck(head, Xlsx(later), category);
        diff = third.GetProperty("diff");
        Assert.Equal((1, 1, 3, 1), (diff.GetProperty("new").GetInt32(), diff.GetProperty("changed").GetInt32(), diff.GetProperty("unchanged").GetInt32(), diff.GetProperty("left").GetInt32()));
        Assert.Equal(Masking.Name(people[0].Name), diff.GetProperty("leftEntries")[0].GetProperty("name").GetString());
        Assert.Contains("电话", diff.GetProperty("changedEntries")[0].GetProperty("change").GetString());
        await Confirm(head, third.GetProperty("id").GetString()!);
        var onRoster = await head.GetJson($"/api/v1/recipients?category={category}&pageSize=500");
        var ids = onRoster.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToHashSet();
        Assert.Equal(5, ids.Count);
        // The one who left is still registered, without the roster's category.
        Assert.Equal(1, await CountInStation(app, await HeadStation(app), people[0].Id));
    }

    private static async Task<Dictionary<string, int>> Versions(HttpClient client, string category)
    {
        var list = await client.GetJson($"/api/v1/recipients?category={category}&pageSize=500");
        var result = new Dictionary<string, int>();
        foreach (var item in list.GetProperty("items").EnumerateArray())
        {
            var id = item.GetProperty("id").GetString()!;
            result[id] = (await client.GetJson($"/api/v1/recipients/{id}")).GetProperty("version").GetInt32();
        }
        return result;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_mapping_is_remembered_for_the_station_and_suggested_at_the_next_upload(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var rows = new[] { new Dictionary<string, object?> { ["户主"] = NewName(), ["证件"] = NewId(), ["备注"] = "" } };
        var upload = await (await Upload(worker, Xlsx(rows), "tekunDispersed")).ReadJson();
        var id = upload.GetProperty("id").GetString();
        await (await worker.PutJson($"/api/v1/recipient-imports/{id}/mapping", new { mapping = new { name = "户主" } })).AssertValidationProblem("mapping.idNumber");
        await (await worker.PutJson($"/api/v1/recipient-imports/{id}/mapping", new { mapping = new { name = "户主", idNumber = "没有这列" } })).AssertValidationProblem("mapping.idNumber");
        Assert.True((await worker.PutJson($"/api/v1/recipient-imports/{id}/mapping", new { mapping = new { name = "户主", idNumber = "证件" } })).IsSuccessStatusCode);
        var next = await (await Upload(worker, Xlsx(rows), "tekunDispersed")).ReadJson();
        Assert.Equal("户主", next.GetProperty("suggestedMapping").GetProperty("name").GetString());
        Assert.Equal("证件", next.GetProperty("suggestedMapping").GetProperty("idNumber").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Id_numbers_that_excel_stored_as_numbers_are_refused_with_advice(string db)
    {
        var worker = await TestApp.For(db).ClientFor("worker");
        var rows = new[] { new Dictionary<string, object?> { ["姓名"] = NewName(), ["身份证号码"] = 469000195603011234d } };
        var result = await UploadAndCheck(worker, Xlsx(rows), mapping: new { name = "姓名", idNumber = "身份证号码" });
        Assert.Contains("文本", result.GetProperty("problems")[0].GetProperty("message").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_file_that_is_not_excel_is_400_naming_the_file(string db)
    {
        var worker = await TestApp.For(db).ClientFor("worker");
        await (await Upload(worker, "not an excel file"u8.ToArray())).AssertValidationProblem("file");
        await (await Upload(worker, Xlsx([Row(NewName(), NewId())]), "nothing")).AssertValidationProblem("category");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_large_roster_reports_progress_from_the_database_and_imports(string db)
    {
        var app = TestApp.For(db);
        var head = await app.ClientFor("head");
        var rows = Enumerable.Range(0, 2000).Select(_ => Row(NewName("蒯"), NewId())).ToList();
        var upload = await (await Upload(head, Xlsx(rows), "disasterAffected")).ReadJson();
        var id = upload.GetProperty("id").GetString()!;
        await head.PutJson($"/api/v1/recipient-imports/{id}/mapping", new { mapping = new { name = "姓名", idNumber = "身份证号码" } });
        var checkedImport = await WaitFor(head, id, "checked", "failed");
        Assert.Equal(2000, checkedImport.GetProperty("total").GetInt32());
        Assert.Equal(0, checkedImport.GetProperty("problemCount").GetInt32());
        var done = await Confirm(head, id);
        Assert.Equal("applied", done.GetProperty("status").GetString());
        Assert.Equal(2000, done.GetProperty("diff").GetProperty("new").GetInt32());
        // Any other session (or node) reads the same state from the database.
        var other = await (await app.ClientFor("worker")).GetJson($"/api/v1/recipient-imports/{id}");
        Assert.Equal("applied", other.GetProperty("status").GetString());
    }

    /// <summary>A node that claimed a job and died: once its lease has run out another node's runner finishes the job.</summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task A_job_whose_node_stopped_is_taken_over_when_its_lease_expires(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var upload = await (await Upload(worker, Xlsx([Row(NewName(), NewId())]), "temporaryAssistance")).ReadJson();
        var id = Guid.Parse(upload.GetProperty("id").GetString()!);
        await app.WithDb(async d =>
        {
            var job = await d.RosterImports.FirstAsync(x => x.Id == id);
            job.MappingJson = "{\"name\":\"姓名\",\"idNumber\":\"身份证号码\"}";
            job.Status = Web.Features.Recipients.RosterImportStatus.Checking;
            job.LeaseOwner = "a-node-that-died";
            job.LeaseUntil = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
            return await d.SaveChangesAsync();
        });
        var done = await WaitFor(worker, id.ToString(), "checked", "failed");
        Assert.Equal("checked", done.GetProperty("status").GetString());
        Assert.Equal(1, done.GetProperty("diff").GetProperty("new").GetInt32());
    }

    /// <summary>The same node restarted (issue 17 item 14): its own job, still leased to it, resumes at once; another live node's job is left alone.</summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task A_restarted_node_resumes_its_own_job_at_once_and_leaves_a_live_nodes_job(string db)
    {
        var app = TestApp.For(db);
        var runner = app.Services.GetRequiredService<Web.Features.Recipients.RosterImportRunner>();
        var worker = await app.ClientFor("worker");
        async Task<Guid> Leased(string owner)
        {
            var upload = await (await Upload(worker, Xlsx([Row(NewName(), NewId())]), "temporaryAssistance")).ReadJson();
            var id = Guid.Parse(upload.GetProperty("id").GetString()!);
            await app.WithDb(async d =>
            {
                var job = await d.RosterImports.FirstAsync(x => x.Id == id);
                job.MappingJson = "{\"name\":\"姓名\",\"idNumber\":\"身份证号码\"}";
                job.Status = Web.Features.Recipients.RosterImportStatus.Checking;
                job.LeaseOwner = owner;
                job.LeaseUntil = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(9); // far from expiring
                return await d.SaveChangesAsync();
            });
            return id;
        }
        var mine = await Leased(runner.Node);
        var theirs = await Leased("another-node-still-running");
        while (await runner.RunNextAsync(CancellationToken.None))
        {
        }
        var done = await WaitFor(worker, mine.ToString(), "checked", "failed");
        Assert.Equal("checked", done.GetProperty("status").GetString());
        var other = await app.WithDb(d => d.RosterImports.AsNoTracking().FirstAsync(x => x.Id == theirs));
        Assert.Equal(Web.Features.Recipients.RosterImportStatus.Checking, other.Status);
        Assert.Equal("another-node-still-running", other.LeaseOwner);
    }
}
