using System.Net;
using System.Text.Json;
using MiniExcelLibs;
using SocialWorkStation.Web.Tests.Agreements;
using SocialWorkStation.Web.Tests.Evaluations;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Services;

namespace SocialWorkStation.Web.Tests.Budgets;

/// <summary>Budgets, spending, execution rate and the ledger through the API (docs/requirements/agreements.md §5–§7), on both databases.</summary>
public sealed class BudgetApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    [Theory, MemberData(nameof(Providers))]
    public async Task Wenzhou_refuses_the_city_construction_subsidy_on_wages_naming_the_clause(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var contractor = await AgreementTestData.Contractor(bureau, "469030", "socialServiceOrganisation", "civilAffairs");
        var station = await EvaluationTestData.NewStation(app, "温州预算测试站" + AgreementTestData.Suffix(), "469030103", "wenzhou");
        var agreement = await BudgetTestData.Agreement(bureau, "wenzhou", contractor, station);
        var budget = await BudgetTestData.Budget(bureau, agreement, station,
            new { category = "construction", fundingSource = "cityConstructionSubsidy", amount = 100000m },
            new { category = "personnel", fundingSource = "cityConstructionSubsidy", amount = 50000m },
            new { category = "personnel", fundingSource = "fiscalBudget", amount = 80000m });
        // The budget itself is flagged, naming the clause.
        Assert.Contains(budget.GetProperty("flags").EnumerateArray(), f => f.GetString()!.Contains("温州指引 第九部分（三）落实经费保障"));

        var wages = await bureau.PostJson("/api/v1/spending", new
        {
            budgetLineId = BudgetTestData.Line(budget, "personnel", "cityConstructionSubsidy"), date = D(app.Today), amount = 6000m, payee = "驻站社工", purpose = "10月工资",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wages.StatusCode);
        var problem = await wages.ReadJson();
        Assert.Equal("budgetLineId", problem.GetProperty("field").GetString());
        Assert.Contains("温州指引 第九部分（三）落实经费保障", problem.GetProperty("detail").GetString());
        Assert.Contains("人员经费", problem.GetProperty("detail").GetString());

        // The same money on equipment, and wages from the fiscal budget: accepted.
        await BudgetTestData.Spend(bureau, BudgetTestData.Line(budget, "construction"), 3999.99m, D(app.Today), "某电器商行", "购置空调");
        await BudgetTestData.Spend(bureau, BudgetTestData.Line(budget, "personnel", "fiscalBudget"), 6000m, D(app.Today), "驻站社工", "10月工资");

        // 400 naming the field: no payee, an amount of 0, three decimals.
        var bad = await bureau.PostJson("/api/v1/spending", new { budgetLineId = BudgetTestData.Line(budget, "construction"), date = D(app.Today), amount = 0.001m, purpose = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var text = await bad.Content.ReadAsStringAsync();
        Assert.Contains("payee", text);
        Assert.Contains("amount", text);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_execution_rate_equals_the_ledger_to_the_fen_after_edits_and_as_of_a_day(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var contractor = await AgreementTestData.Contractor(bureau, "469030", "socialServiceOrganisation", "civilAffairs");
        var station = await EvaluationTestData.NewStation(app, "琼中预算测试站" + AgreementTestData.Suffix(), "469030103", "hainan-qiongzhong");
        var agreement = await BudgetTestData.Agreement(bureau, "hainan-qiongzhong", contractor, station);
        var budget = await BudgetTestData.Budget(bureau, agreement, station,
            new { category = "serviceFee", fundingSource = "fiscalBudget", amount = 162000m },
            new { category = "operations", fundingSource = "welfareLottery", amount = 49999.99m });
        // 49,999.99 is not Qiongzhong's 50,000: flagged, not refused.
        Assert.Contains(budget.GetProperty("flags").EnumerateArray(), f => f.GetString()!.Contains("采购预算") && f.GetString()!.Contains("50,000.00"));
        var operations = BudgetTestData.Line(budget, "operations");
        var fee = BudgetTestData.Line(budget, "serviceFee");

        var day = D(app.Today.AddDays(-3));
        for (var i = 0; i < 3; i++)
        {
            await BudgetTestData.Step(bureau, await BudgetTestData.Spend(bureau, operations, 0.10m, day), "approve");
        }
        var wages = await BudgetTestData.Step(bureau, await BudgetTestData.Spend(bureau, fee, 70666.67m, day, "驻站社工"), "approve");
        Assert.Equal("approved", wages.GetProperty("status").GetString());
        Assert.Equal("bureau", wages.GetProperty("approvedBy").GetString());
        // Recorded but not approved: not in the rate.
        var pending = await BudgetTestData.Spend(bureau, fee, 1000m, day);
        // Reimbursed and accounted in Shenmu's order; accounting before reimbursement is 422.
        var reimbursed = await BudgetTestData.Step(bureau, wages, "reimburse");
        var early = await bureau.PostJson($"/api/v1/spending/{pending.GetProperty("id").GetString()}/steps", new { action = "account", version = pending.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("第二十一条", (await early.ReadJson()).GetProperty("detail").GetString());
        await BudgetTestData.Step(bureau, reimbursed, "account");

        var execution = await bureau.GetJson($"/api/v1/budgets/execution?agreementId={agreement}");
        var s = execution.GetProperty("stations")[0];
        Assert.Equal(70666.97m, s.GetProperty("spent").GetDecimal());
        Assert.Equal(211999.99m, s.GetProperty("budgeted").GetDecimal());
        var opsLine = s.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("category").GetString() == "operations");
        Assert.Equal(0.30m, opsLine.GetProperty("spent").GetDecimal());
        Assert.Equal("0.00%", opsLine.GetProperty("rateDisplay").GetString());
        var feeLine = s.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("category").GetString() == "serviceFee");
        Assert.Equal("43.62%", feeLine.GetProperty("rateDisplay").GetString()); // 70,666.67 / 162,000 = 0.436214…
        Assert.Equal(70666.97m / 211999.99m, s.GetProperty("rate").GetDecimal(), 20);
        Assert.Equal(70666.97m, execution.GetProperty("counties")[0].GetProperty("spent").GetDecimal());
        Assert.Equal(70666.97m, execution.GetProperty("agreements")[0].GetProperty("spent").GetDecimal());

        // As of the day before approval (today): nothing approved yet.
        var before = await bureau.GetJson($"/api/v1/budgets/execution?agreementId={agreement}&asOf={D(app.Today.AddDays(-1))}");
        Assert.Equal(0m, before.GetProperty("spent").GetDecimal());

        // Overspending the operations line is refused by default (平台默认), to the fen.
        var over = await bureau.PostJson("/api/v1/spending", new { budgetLineId = operations, date = day, amount = 49999.70m, payee = "x", purpose = "x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, over.StatusCode);
        Assert.Contains("平台默认", (await over.ReadJson()).GetProperty("detail").GetString());
        await BudgetTestData.Spend(bureau, operations, 49999.69m, day);

        // Edit: the service fee down to exactly its approved spending (allowed), then one fen below (422), then a stale edit (409).
        // Each approval moved the budget's version on (two approvals at once cannot both see room on a line): read it again.
        Assert.Equal(HttpStatusCode.Conflict, (await bureau.PutJson($"/api/v1/budgets/{budget.GetProperty("id").GetString()}", new
        {
            version = budget.GetProperty("version").GetInt32(), lines = new[] { new { id = fee, category = "serviceFee", fundingSource = "fiscalBudget", amount = 162000m } },
        })).StatusCode);
        var version = (await bureau.GetJson($"/api/v1/budgets/{budget.GetProperty("id").GetString()}")).GetProperty("version").GetInt32();
        var edit = new { version, lines = new object[] { new { id = fee, category = "serviceFee", fundingSource = "fiscalBudget", amount = 70666.67m }, new { id = operations, category = "operations", fundingSource = "welfareLottery", amount = 50000m } } };
        var edited = await (await bureau.PutJson($"/api/v1/budgets/{budget.GetProperty("id").GetString()}", edit)).ReadJson();
        Assert.Equal(version + 1, edited.GetProperty("version").GetInt32());
        Assert.Equal("100.00%", edited.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("id").GetString() == fee).GetProperty("rateDisplay").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await bureau.PutJson($"/api/v1/budgets/{budget.GetProperty("id").GetString()}", edit)).StatusCode);
        var below = await bureau.PutJson($"/api/v1/budgets/{budget.GetProperty("id").GetString()}", new
        {
            version = version + 1, lines = new object[] { new { id = fee, category = "serviceFee", fundingSource = "fiscalBudget", amount = 70666.66m }, new { id = operations, category = "operations", fundingSource = "welfareLottery", amount = 50000m } },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, below.StatusCode);

        // The ledger: every entry, the approved ones summing to the execution rate's spending.
        var after = await bureau.GetJson($"/api/v1/budgets/execution?agreementId={agreement}");
        var response = await bureau.GetAsync($"/api/v1/budgets/ledger.xlsx?agreementId={agreement}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["日期", "站点", "预算科目", "资金来源", "金额（元）", "收款方", "用途", "状态", "审批人", "发票"], rows[0].Keys);
        Assert.Equal(6, rows.Count);
        var approvedSum = rows.Where(r => (string?)r["状态"] is "已审批" or "已报销" or "已记账").Sum(r => Convert.ToDecimal(r["金额（元）"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(after.GetProperty("spent").GetDecimal(), approvedSum);
        Assert.Contains(rows, r => (string?)r["状态"] == "已记账" && (string?)r["审批人"] == "bureau" && (string?)r["资金来源"] == "财政预算");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Concurrent_budget_edits_conflict(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var contractor = await AgreementTestData.Contractor(bureau, "469030", "socialServiceOrganisation", "civilAffairs");
        var station = await EvaluationTestData.NewStation(app, "并发预算测试站" + AgreementTestData.Suffix(), "469030103", "hainan-qiongzhong");
        var agreement = await BudgetTestData.Agreement(bureau, "hainan-qiongzhong", contractor, station);
        var budget = await BudgetTestData.Budget(bureau, agreement, station, new { category = "operations", fundingSource = "fiscalBudget", amount = 50000m });
        var url = $"/api/v1/budgets/{budget.GetProperty("id").GetString()}";
        var version = budget.GetProperty("version").GetInt32();
        var a = bureau.PutJson(url, new { version, lines = new[] { new { category = "operations", fundingSource = "fiscalBudget", amount = 40000m } } });
        var b = bureau.PutJson(url, new { version, lines = new[] { new { category = "operations", fundingSource = "charity", amount = 45000m } } });
        var statuses = (await Task.WhenAll(a, b)).Select(r => r.StatusCode).OrderBy(x => x).ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
        // The same station twice under one agreement: 409.
        Assert.Equal(HttpStatusCode.Conflict, (await bureau.PostJson($"/api/v1/agreements/{agreement}/budgets", new { stationId = station, lines = new[] { new { category = "operations", fundingSource = "fiscalBudget", amount = 1m } } })).StatusCode);
        // An unknown category: 400 naming the line's field.
        var bad = await bureau.PutJson(url, new { version = version + 1, lines = new[] { new { category = "wages", fundingSource = "fiscalBudget", amount = 1m } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("lines[0].category", await bad.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Another_county_gets_404_and_a_contractor_sees_only_its_own(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var headStation = (await (await app.ClientFor("head")).GetJson("/api/v1/stations?kind=station")).GetProperty("items")[0].GetProperty("id").GetString()!;
        var orgs = await bureau.GetJson("/api/v1/organisations?kind=contractor&pageSize=500");
        var demo = orgs.GetProperty("items").EnumerateArray().First(o => o.GetProperty("name").GetString()!.Contains("演示")).GetProperty("id").GetString()!;
        var other = await AgreementTestData.Contractor(bureau, "469030", "socialServiceOrganisation", "civilAffairs");

        var own = await BudgetTestData.Budget(bureau, await BudgetTestData.Agreement(bureau, "hainan-qiongzhong", demo, headStation), headStation,
            new { category = "operations", fundingSource = "fiscalBudget", amount = 50000m });
        var others = await BudgetTestData.Budget(bureau, await BudgetTestData.Agreement(bureau, "hainan-qiongzhong", other, headStation), headStation,
            new { category = "operations", fundingSource = "fiscalBudget", amount = 50000m });

        var manager = await app.ClientFor("manager");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/budgets/{own.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/budgets/{others.GetProperty("id").GetString()}")).StatusCode);
        var list = await manager.GetJson("/api/v1/budgets");
        Assert.Contains(list.EnumerateArray(), b => b.GetProperty("id").GetString() == own.GetProperty("id").GetString());
        Assert.DoesNotContain(list.EnumerateArray(), b => b.GetProperty("id").GetString() == others.GetProperty("id").GetString());
        // The manager records spending on its own line (and not on the other's), with the invoice attached; it cannot approve.
        var entry = await BudgetTestData.Spend(manager, BudgetTestData.Line(own, "operations"), 120.50m, D(app.Today));
        var otherLine = await manager.PostJson("/api/v1/spending", new { budgetLineId = BudgetTestData.Line(others, "operations"), date = D(app.Today), amount = 1m, payee = "x", purpose = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, otherLine.StatusCode);
        var invoice = await ServiceData.Upload(manager, "spendingEntry", entry.GetProperty("id").GetString()!, ServiceData.Jpeg(300, 200), "发票.jpg", "document");
        Assert.True(invoice.StatusCode == HttpStatusCode.Created, await invoice.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostJson($"/api/v1/spending/{entry.GetProperty("id").GetString()}/steps", new { action = "approve", version = 1 })).StatusCode);
        // The station head reads its station's budgets.
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientFor("head")).GetAsync($"/api/v1/budgets/{own.GetProperty("id").GetString()}")).StatusCode);

        // Another county's bureau: 404 for the budget and the spending entry, and an empty execution rate.
        var ledong = await EvaluationTestData.Account(app, "BureauOfficer", "469027");
        Assert.Equal(HttpStatusCode.NotFound, (await ledong.GetAsync($"/api/v1/budgets/{own.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ledong.GetAsync($"/api/v1/spending/{entry.GetProperty("id").GetString()}")).StatusCode);
        Assert.Empty((await ledong.GetJson("/api/v1/budgets/execution?countyCode=469030")).GetProperty("stations").EnumerateArray());
    }

    [Fact]
    public async Task The_writes_are_in_the_OpenAPI_document_with_examples_whose_fields_are_the_requests()
    {
        var doc = await TestApp.For("Sqlite").Anonymous().GetJson("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        foreach (var (path, method) in new[] { ("/api/v1/agreements/{id}/budgets", "post"), ("/api/v1/budgets/{id}", "put"), ("/api/v1/spending", "post"), ("/api/v1/spending/{id}/steps", "post") })
        {
            var json = paths.GetProperty(path).GetProperty(method).GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
            var schema = json.GetProperty("schema");
            if (schema.TryGetProperty("$ref", out var r)) schema = schemas.GetProperty(r.GetString()!.Split('/')[^1]);
            var fields = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
            Assert.All(json.GetProperty("example").EnumerateObject(), f => Assert.Contains(f.Name, fields));
        }
        Assert.True(paths.GetProperty("/api/v1/budgets/execution").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/budgets/ledger.xlsx").TryGetProperty("get", out _));
    }
}
