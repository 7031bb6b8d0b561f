using SocialWorkStation.Domain.IdNumbers;

namespace SocialWorkStation.Domain.Tests.IdNumbers;

/// <summary>GB 11643-1999 at its edges (the service recipients issue); IdNumberTests holds the basic cases.</summary>
public sealed class IdNumberEdgeTests
{
    private static string WithCheck(string first17) => first17 + IdNumber.CheckChar(first17);

    [Fact]
    public void An_odd_sequence_is_a_man()
    {
        var id = IdNumber.TryParse(WithCheck("46903019560301001"), out _);
        Assert.Equal(Sex.Male, id!.Sex);
    }

    [Fact]
    public void A_wrong_check_character_is_rejected()
    {
        var good = WithCheck("46903019560301001");
        var wrong = good[..17] + (good[17] == '1' ? '2' : '1');
        Assert.Null(IdNumber.TryParse(wrong, out var error));
        Assert.Contains("校验位", error);
    }

    [Theory]
    [InlineData("4690301955022900")] // 29 February in a common year
    [InlineData("4690301956023000")] // 30 February
    [InlineData("4690301956130100")] // month 13
    [InlineData("4690301956000100")] // month 0
    [InlineData("4690301956043100")] // 31 April
    [InlineData("4690301899123100")] // before 1900
    public void An_impossible_birth_date_is_rejected_even_with_a_right_check_character(string first16)
    {
        Assert.Null(IdNumber.TryParse(WithCheck(first16 + "1"), out var error));
        Assert.Contains("出生日期", error);
    }

    [Fact]
    public void The_29th_of_February_of_a_leap_year_is_a_real_date()
    {
        var id = IdNumber.TryParse(WithCheck("46903019560229001"), out var error);
        Assert.Null(error);
        Assert.Equal(new DateOnly(1956, 2, 29), id!.BirthDate);
    }

    [Fact]
    public void A_birth_date_after_the_day_checked_is_rejected_and_the_day_itself_is_not()
    {
        var id = WithCheck("46903020261125001");
        Assert.NotNull(IdNumber.TryParse(id, out _, notAfter: new DateOnly(2026, 11, 25)));
        Assert.Null(IdNumber.TryParse(id, out var error, notAfter: new DateOnly(2026, 11, 24)));
        Assert.Contains("晚于", error);
    }

    [Fact]
    public void A_15_digit_old_number_is_rejected_with_a_clear_message()
    {
        Assert.Null(IdNumber.TryParse("469030560301001", out var error));
        Assert.Equal("15位旧身份证号码已停止使用，请填写18位号码", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("4690301956030100")]
    [InlineData("46903019560301001A")]
    [InlineData("4690301956030100１X")] // a full-width digit
    public void Malformed_input_is_rejected_in_chinese(string input)
    {
        Assert.Null(IdNumber.TryParse(input, out var error));
        Assert.Matches("[\u4e00-\u9fff]", error);
    }
}
