using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Evaluations;
using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Domain.Tests.Profiles;
using Xunit;

namespace SocialWorkStation.Domain.Tests.Evaluations;

/// <summary>
/// Evaluation arithmetic (docs/requirements/evaluation.md §4): grades at the band edges for each profile, Ledong's
/// 60/30/10 composite, rounding half up once to the precision the profile states, raw scores where a profile names no
/// weights or bands, and trees whose points do not add up refused naming the indicator.
/// </summary>
public class ScoringTests
{
    private static readonly string[] AllProfiles = ["hainan-ledong", "hainan-qiongzhong", "hunan", "shenmu", "wenzhou"];

    private static EvaluationRules Rules(string key) => ShippedProfilesTests.Load(key).Evaluation!;

    [Theory]
    [InlineData("59.99", "不合格")]
    [InlineData("60", "合格")]
    [InlineData("79.99", "合格")]
    [InlineData("80", "良好")]
    [InlineData("89.99", "良好")]
    [InlineData("90", "优秀")]
    [InlineData("0", "不合格")]
    [InlineData("100", "优秀")]
    public void Ledong_grades_read_the_inclusive_marks_exactly(string score, string grade) =>
        Assert.Equal(grade, Scoring.GradeOf(Rules("hainan-ledong"), decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("hainan-qiongzhong")]
    [InlineData("hunan")]
    [InlineData("shenmu")]
    [InlineData("wenzhou")]
    public void Profiles_that_name_no_weights_or_bands_give_raw_scores(string key)
    {
        var rules = Rules(key);
        Assert.Null(rules.Weights);
        Assert.Null(rules.Grades);
        foreach (var s in new[] { 59.99m, 60m, 79.99m, 80m, 89.99m, 90m })
        {
            Assert.Null(Scoring.GradeOf(rules, s));
        }
        var result = Scoring.Result(rules, new Dictionary<EvaluationParty, decimal>
        {
            [EvaluationParty.Evaluator] = 90m, [EvaluationParty.Bureau] = 80m, [EvaluationParty.Township] = 60m,
        }, 100m);
        Assert.Null(result.Composite);
        Assert.Null(result.Grade);
        Assert.Equal([90m, 80m, 60m], result.Parties.Select(p => p.OutOf100));
    }

    [Theory]
    [InlineData("90", "90", "90", "90.00", "优秀")]
    [InlineData("90", "89.99", "89.9", "89.99", "良好")] // 54 + 26.997 + 8.99 = 89.987
    [InlineData("80", "80", "79.9", "79.99", "合格")]
    [InlineData("80", "80", "80", "80.00", "良好")]
    [InlineData("60", "60", "59.99", "60.00", "合格")] // 59.999 rounds up to 60.00 once, then 合格
    [InlineData("59.99", "59.99", "59.99", "59.99", "不合格")]
    [InlineData("100", "0", "0", "60.00", "合格")]
    public void Ledong_composite_is_60_30_10_rounded_once_then_graded(string evaluator, string bureau, string township, string composite, string grade)
    {
        static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var result = Scoring.Result(Rules("hainan-ledong"), new Dictionary<EvaluationParty, decimal>
        {
            [EvaluationParty.Evaluator] = D(evaluator), [EvaluationParty.Bureau] = D(bureau), [EvaluationParty.Township] = D(township),
        }, 100m);
        Assert.Equal(D(composite), result.Composite);
        Assert.Equal(grade, result.Grade);
        Assert.Equal(grade != "不合格", result.Passes);
    }

    [Fact]
    public void Rounding_is_half_up_to_the_precision_the_profile_states_once()
    {
        var rules = Rules("hainan-ledong");
        Assert.Equal(2, rules.Decimals);
        Assert.NotNull(rules.Precision);
        // 80 × 0.6 + 80 × 0.3 + 80.05 × 0.1 = 80.005: half up gives 80.01 (banker's rounding would give 80.00).
        var result = Scoring.Result(rules, new Dictionary<EvaluationParty, decimal>
        {
            [EvaluationParty.Evaluator] = 80m, [EvaluationParty.Bureau] = 80m, [EvaluationParty.Township] = 80.05m,
        }, 100m);
        Assert.Equal(80.01m, result.Composite);
        // A 1,000-point tree: 899.95 points is 89.995 out of 100, rounded half up to 90.00, which is 优秀.
        var party = Scoring.Party(EvaluationParty.Evaluator, 899.95m, 1000m, rules.Decimals);
        Assert.Equal(90.00m, party.OutOf100);
        Assert.Equal("优秀", Scoring.GradeOf(rules, party.OutOf100));
        // The same profile with precision 1: 89.95 → 90.0 once, not 89.9.
        var one = rules with { Precision = new Sourced<int>(1, "测试") };
        Assert.Equal(90.0m, Scoring.Party(EvaluationParty.Evaluator, 89.95m, 100m, one.Decimals).OutOf100);
    }

    [Fact]
    public void Weights_that_do_not_add_up_to_100_are_refused()
    {
        var rules = Rules("hainan-ledong");
        var bad = rules with
        {
            Weights = new Sourced<PartyWeight[]>([new(EvaluationParty.Evaluator, 60), new(EvaluationParty.Bureau, 30), new(EvaluationParty.Township, 5)], "测试"),
        };
        var problem = Assert.Single(EvaluationRulesValidation.Problems(bad));
        Assert.Equal("evaluation.weights", problem.Field);
        Assert.Contains("95", problem.Problem);
        Assert.Empty(EvaluationRulesValidation.Problems(rules));
    }

    [Fact]
    public void A_profile_file_with_weights_off_100_does_not_load()
    {
        var path = Path.Combine(ShippedProfilesTests.ProfilesDirectory.Value, "hainan-ledong.json");
        var json = File.ReadAllText(path).Replace("\"weight\": 10", "\"weight\": 15", StringComparison.Ordinal);
        var ex = Assert.Throws<PolicyProfileException>(() => PolicyProfileParser.Parse("hainan-ledong.json", json));
        Assert.Equal("evaluation.weights", ex.Field);
    }

    [Fact]
    public void Grade_bands_that_overlap_or_leave_a_gap_are_refused()
    {
        var bands = Rules("hainan-ledong").Grades!.Value;
        Assert.Empty(EvaluationRulesValidation.GradeProblems(bands));
        var both = bands.ToArray();
        both[1] = both[1] with { Max = new ScoreBound(90, true) }; // 90 would be 优秀 and 良好
        Assert.Contains(EvaluationRulesValidation.GradeProblems(both), p => p.Contains("90"));
        var gap = bands.ToArray();
        gap[2] = gap[2] with { Max = new ScoreBound(79, false) };
        Assert.NotEmpty(EvaluationRulesValidation.GradeProblems(gap));
    }

    [Theory]
    [InlineData("hainan-ledong")]
    [InlineData("hainan-qiongzhong")]
    [InlineData("hunan")]
    [InlineData("shenmu")]
    [InlineData("wenzhou")]
    public void Each_profile_ships_a_valid_default_tree_under_the_four_areas(string key)
    {
        var rules = Rules(key);
        var tree = rules.DefaultTree;
        IndicatorTreeValidation.Validate(tree);
        Assert.Equal(["项目实施", "项目管理", "服务绩效", "资金使用"], tree.Indicators.Select(i => i.Name));
        Assert.Equal(100m, tree.Indicators.Sum(i => i.Points));
        Assert.Contains("平台默认", tree.Source);
        Assert.Contains(tree.All(), i => i.Fact is not null);
        Assert.All(tree.Leaves(), l => Assert.False(string.IsNullOrWhiteSpace(l.Source), l.Code));
        Assert.Contains(AllProfiles, k => k == key);
    }

    [Fact]
    public void A_tree_whose_children_do_not_add_up_names_the_indicator()
    {
        var tree = new IndicatorTree
        {
            Name = "测试", Source = "测试",
            Indicators =
            [
                new Indicator { Code = "1", Name = "项目实施", Points = 60, Children = [new Indicator { Code = "1.1", Name = "场地", Points = 30 }, new Indicator { Code = "1.2", Name = "人员", Points = 20 }] },
                new Indicator { Code = "2", Name = "资金使用", Points = 40 },
            ],
        };
        var ex = Assert.Throws<IndicatorTreeException>(() => IndicatorTreeValidation.Validate(tree));
        Assert.Equal("1 项目实施", ex.Indicator);
        Assert.Contains("50", ex.Problem);

        var offTotal = tree with { Indicators = [new Indicator { Code = "1", Name = "项目实施", Points = 60 }, new Indicator { Code = "2", Name = "资金使用", Points = 30 }] };
        var ex2 = Assert.Throws<IndicatorTreeException>(() => IndicatorTreeValidation.Validate(offTotal));
        Assert.Contains("90", ex2.Problem);
        Assert.Contains("100", ex2.Problem);
    }

    [Fact]
    public void A_1000_point_tree_of_any_depth_is_valid()
    {
        var deep = new Indicator { Code = "1.1.1.1", Name = "四级", Points = 250 };
        var tree = new IndicatorTree
        {
            Name = "千分制", Source = "测试", Total = 1000,
            Indicators =
            [
                new Indicator { Code = "1", Name = "一级", Points = 250, Children = [new Indicator { Code = "1.1", Name = "二级", Points = 250, Children = [new Indicator { Code = "1.1.1", Name = "三级", Points = 250, Children = [deep] }] }] },
                new Indicator { Code = "2", Name = "一级二", Points = 750 },
            ],
        };
        IndicatorTreeValidation.Validate(tree);
        Assert.Equal(2, tree.Leaves().Count());
        Assert.Equal("1", tree.AreaOf("1.1.1.1")!.Code);
    }
}
