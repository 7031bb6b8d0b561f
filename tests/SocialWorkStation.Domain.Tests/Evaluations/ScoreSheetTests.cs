using SocialWorkStation.Domain.Evaluations;
using SocialWorkStation.Domain.Tests.Profiles;
using Xunit;

namespace SocialWorkStation.Domain.Tests.Evaluations;

/// <summary>
/// Score sheets and closing (docs/requirements/evaluation.md §6–7): points from 0 to the leaf's points at the profile's
/// precision, the unscored leaves listed, the missing parties named, results at the band edges (89.99/90), rounding
/// once (79.995 → 80.00), ties sharing a rank.
/// </summary>
public class ScoreSheetTests
{
    private static EvaluationRules Ledong => ShippedProfilesTests.Load("hainan-ledong").Evaluation!;

    private static readonly Indicator Leaf = new() { Code = "1.2", Name = "入户探访", Points = 5m };

    [Theory]
    [InlineData("0", true)]
    [InlineData("5", true)]
    [InlineData("4.25", true)]
    [InlineData("5.01", false)]
    [InlineData("-0.01", false)]
    [InlineData("4.255", false)]
    public void Points_run_from_zero_to_the_leafs_points_at_the_profiles_precision(string points, bool allowed)
    {
        var problem = ScoreSheetRules.PointsProblem(Leaf, decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture), Ledong.Decimals);
        Assert.Equal(allowed, problem is null);
        if (problem is not null) Assert.Contains("1.2", problem);
    }

    [Fact]
    public void A_parent_indicator_is_not_scored()
    {
        var parent = new Indicator { Code = "1", Name = "项目实施", Points = 5m, Children = [Leaf] };
        Assert.Contains("不是末级指标", ScoreSheetRules.PointsProblem(parent, 1m, 2));
    }

    [Fact]
    public void The_unscored_leaves_are_listed_in_tree_order()
    {
        var tree = Ledong.DefaultTree;
        var leaves = tree.Leaves().ToList();
        var unscored = ScoreSheetRules.Unscored(tree, leaves.Skip(1).Take(leaves.Count - 2).Select(l => l.Code));
        Assert.Equal([leaves[0].Code, leaves[^1].Code], unscored.Select(l => l.Code));
        Assert.Empty(ScoreSheetRules.Unscored(tree, leaves.Select(l => l.Code)));
    }

    [Fact]
    public void The_missing_station_and_party_are_named()
    {
        var parties = new[] { EvaluationParty.Evaluator, EvaluationParty.Bureau, EvaluationParty.Township };
        var missing = RoundClosing.Missing(new[] { "甲站", "乙站" }, parties, (s, p) => !(s == "乙站" && p == EvaluationParty.Township));
        Assert.Equal([("乙站", EvaluationParty.Township)], missing);
    }

    [Theory]
    [InlineData("90", "90", "90", "90.00", "优秀")]
    [InlineData("89.99", "89.99", "89.99", "89.99", "良好")]
    [InlineData("79.995", "79.995", "79.995", "80.00", "良好")] // each party rounds once to 80.00
    [InlineData("79.994", "79.994", "79.994", "79.99", "合格")]
    [InlineData("100", "50", "0", "75.00", "合格")] // 60 + 15 + 0
    public void Closing_gives_the_composite_and_grade_exactly(string evaluator, string bureau, string township, string composite, string grade)
    {
        static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var results = RoundClosing.Results(Ledong, 100m, [new StationRaw<string>("甲站", new Dictionary<EvaluationParty, decimal>
        {
            [EvaluationParty.Evaluator] = D(evaluator), [EvaluationParty.Bureau] = D(bureau), [EvaluationParty.Township] = D(township),
        })]);
        var r = Assert.Single(results);
        Assert.Equal(D(composite), r.Result.Composite);
        Assert.Equal(grade, r.Result.Grade);
        Assert.Equal(1, r.Rank);
    }

    [Fact]
    public void Ties_share_a_rank_and_the_next_rank_skips()
    {
        static StationRaw<string> S(string name, decimal all) => new(name, new Dictionary<EvaluationParty, decimal>
        {
            [EvaluationParty.Evaluator] = all, [EvaluationParty.Bureau] = all, [EvaluationParty.Township] = all,
        });
        // A 1,000-point tree: 900.04 → 90.004 → 90.00, the same as 900 after rounding once.
        var results = RoundClosing.Results(Ledong, 1000m, [S("甲", 900m), S("乙", 900.04m), S("丙", 950m), S("丁", 500m)]).ToDictionary(r => r.Station);
        Assert.Equal(1, results["丙"].Rank);
        Assert.Equal(2, results["甲"].Rank);
        Assert.Equal(2, results["乙"].Rank);
        Assert.Equal(4, results["丁"].Rank);
        Assert.Equal(90.00m, results["乙"].Result.Composite);
        Assert.Equal("不合格", results["丁"].Result.Grade);
    }

    [Fact]
    public void A_profile_without_weights_ranks_nothing_and_grades_nothing()
    {
        var rules = ShippedProfilesTests.Load("hainan-qiongzhong").Evaluation!;
        var results = RoundClosing.Results(rules, 100m, [new StationRaw<string>("甲", new Dictionary<EvaluationParty, decimal>
        {
            [EvaluationParty.Evaluator] = 88m, [EvaluationParty.Bureau] = 77m, [EvaluationParty.Township] = 66m,
        })]);
        var r = Assert.Single(results);
        Assert.Null(r.Result.Composite);
        Assert.Null(r.Result.Grade);
        Assert.Null(r.Rank);
        Assert.Equal([88m, 77m, 66m], r.Result.Parties.Select(p => p.OutOf100));
    }
}
