using SocialWorkStation.Domain.Evaluations;
using Xunit;

namespace SocialWorkStation.Domain.Tests.Evaluations;

/// <summary>Reading an imported indicator sheet (evaluation.md §2a): labels accepted, every error named by row and column.</summary>
public sealed class TreeImportTests
{
    private static TreeImportRow Row(int row, string? code, string? name, string? points, string? methods = null, string? fact = null, string? parent = null) =>
        new(row, code, parent, name, points, methods, null, fact);

    [Fact]
    public void A_clean_sheet_becomes_a_tree_with_chinese_labels_read()
    {
        var (tree, errors) = IndicatorTreeImport.Build("测试", 100m, "导入", [
            Row(2, "1", "项目实施", "60"),
            Row(3, "1.1", "场地", "35.5", "实地察看、资料分析", "场地设施检查", parent: "1"),
            Row(4, "1.2", "人员", "24.5", "电访", "staffing"),
            Row(5, "2", "资金", "40", "问卷"),
        ]);
        Assert.Empty(errors);
        Assert.NotNull(tree);
        Assert.Equal(["1", "1.1", "1.2", "2"], tree.All().Select(i => i.Code));
        var site = tree.Find("1.1")!;
        Assert.Equal([EvaluationMethod.SiteVisit, EvaluationMethod.FileReview], site.Methods);
        Assert.Equal(EvaluationFacts.Premises, site.Fact);
        Assert.Equal(EvaluationFacts.Staffing, tree.Find("1.2")!.Fact);
        Assert.Equal(3, tree.Leaves().Count());
    }

    [Fact]
    public void Every_error_is_named_by_row_and_column()
    {
        var (tree, errors) = IndicatorTreeImport.Build("测试", 100m, "导入", [
            Row(2, "1", "项目实施", "60"),
            Row(3, "1.1", "场地", "30"),
            Row(4, "1.2", "", "20.555", "飞行"),
            Row(5, "2", "资金", "40"),
        ]);
        Assert.Null(tree);
        var text = errors.Select(e => e.ToString()).ToList();
        Assert.Contains("第 4 行「名称」：名称不能为空", text);
        Assert.Contains("第 4 行「分值」：分值最多保留两位小数", text);
        Assert.Contains(text, m => m.StartsWith("第 4 行「评估方法」：“飞行”", StringComparison.Ordinal));
        // 1.2's points are broken, so the sum under 1 is not judged; the first level adds up to 100.
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Sums_that_do_not_add_up_are_refused_on_the_parents_row_and_the_last_first_level_row()
    {
        var (_, errors) = IndicatorTreeImport.Build("测试", 1000m, "导入", [
            Row(2, "1", "项目实施", "600"),
            Row(3, "1.1", "场地", "300"),
            Row(4, "1.2", "人员", "200"),
            Row(5, "2", "资金", "300"),
        ]);
        Assert.Equal(["第 2 行「分值」", "第 5 行「分值」"], errors.Select(e => $"第 {e.Row} 行「{e.Column}」"));
        Assert.Contains("合计 500 分", errors[0].Message);
        Assert.Contains("合计 900 分，应为总分 1000 分", errors[1].Message);
    }
}
