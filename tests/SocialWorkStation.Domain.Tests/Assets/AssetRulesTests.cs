using SocialWorkStation.Domain.Assets;

namespace SocialWorkStation.Domain.Tests.Assets;

/// <summary>The pure fixed-asset rules (docs/requirements/books.md §2).</summary>
public sealed class AssetRulesTests
{
    [Fact]
    public void Values_are_yuan_with_at_most_two_decimals_and_not_negative()
    {
        Assert.Null(AssetRules.ValueProblem(4299.99m));
        Assert.Null(AssetRules.ValueProblem(0m));
        Assert.NotNull(AssetRules.ValueProblem(-1m));
        Assert.NotNull(AssetRules.ValueProblem(1.234m));
        Assert.NotNull(AssetRules.ValueProblem(100_000_000m));
    }

    [Fact]
    public void An_asset_is_in_the_register_from_acquisition_to_the_day_it_is_disposed()
    {
        var acquired = new DateOnly(2026, 3, 1);
        Assert.False(AssetRules.InRegister(acquired, null, acquired.AddDays(-1)));
        Assert.True(AssetRules.InRegister(acquired, null, acquired));
        Assert.True(AssetRules.InRegister(acquired, new DateOnly(2026, 6, 30), new DateOnly(2026, 6, 30)));
        Assert.False(AssetRules.InRegister(acquired, new DateOnly(2026, 6, 30), new DateOnly(2026, 7, 1)));
        Assert.NotNull(AssetRules.DisposalProblem(acquired, acquired.AddDays(-1), acquired.AddDays(10)));
        Assert.NotNull(AssetRules.DisposalProblem(acquired, acquired.AddDays(11), acquired.AddDays(10)));
        Assert.Null(AssetRules.DisposalProblem(acquired, acquired, acquired));
        Assert.Equal(CheckResult.Damaged, CheckResults.Parse("damaged"));
        Assert.Null(CheckResults.Parse("lost"));
    }
}
