using SocialWorkStation.Domain.IdNumbers;

namespace SocialWorkStation.Domain.Tests.IdNumbers;

public sealed class IdNumberTests
{
    [Fact]
    public void The_standard_example_is_valid_and_gives_birth_date_and_sex()
    {
        // domain.md section 8: 11010519491231002X is valid (GB 11643 example).
        var id = IdNumber.TryParse("11010519491231002X", out var error);
        Assert.Null(error);
        Assert.NotNull(id);
        Assert.Equal(new DateOnly(1949, 12, 31), id.BirthDate);
        Assert.Equal(Sex.Female, id.Sex); // sequence 002: even
    }

    [Fact]
    public void Lower_case_x_is_accepted_and_normalised()
    {
        var id = IdNumber.TryParse(" 11010519491231002x ", out _);
        Assert.Equal("11010519491231002X", id?.Value);
    }

    [Theory]
    [InlineData("110105194912310021", "校验位")]      // wrong check character
    [InlineData("110105194902300027", "出生日期")]    // 30 February
    [InlineData("110105194912310", "15位")]           // old 15-digit number
    [InlineData("11010519491231002", "18位")]         // 17 characters
    [InlineData("1101051949123100XX", "18位")]        // X inside
    [InlineData("", "请填写")]
    public void Invalid_numbers_are_rejected_with_a_clear_message(string input, string expected)
    {
        Assert.Null(IdNumber.TryParse(input, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void A_birth_date_after_the_check_date_is_rejected()
    {
        var first17 = "46003020300101001";
        var value = first17 + IdNumber.CheckChar(first17);
        Assert.NotNull(IdNumber.TryParse(value, out _));
        Assert.Null(IdNumber.TryParse(value, out var error, notAfter: new DateOnly(2026, 11, 25)));
        Assert.Contains("晚于", error);
    }

    [Fact]
    public void An_unknown_address_code_is_not_a_reason_to_reject()
    {
        // Codes change, the ID does not (domain.md section 8): 999999 is no region today.
        var first17 = "99999919800101001";
        Assert.NotNull(IdNumber.TryParse(first17 + IdNumber.CheckChar(first17), out _));
    }

    [Fact]
    public void Masking_shows_the_first_three_and_last_four()
    {
        Assert.Equal("110***********002X", IdNumber.Mask("11010519491231002X"));
    }

    /// <summary>Beside a clear birth date (workers, volunteers) the mask keeps back the sequence and check characters too.</summary>
    [Fact]
    public void Masking_beside_a_birth_date_leaves_four_characters_nothing_else_gives()
    {
        const string id = "11010519491231002X";
        var masked = IdNumber.MaskBesideBirthDate(id);
        Assert.Equal("110***************", masked);
        Assert.Equal(18, masked.Length);
        // The county (first 6) and the birth date (next 8) may be known from elsewhere; the last 4 must not be.
        Assert.DoesNotContain(id[^4..], masked);
        Assert.Equal("****", IdNumber.MaskBesideBirthDate("1234567"));
        Assert.Equal("****", IdNumber.MaskBesideBirthDate(null));
    }

    [Theory]
    [InlineData("1980-05-10", "2026-05-09", 45)] // the day before the 46th birthday
    [InlineData("1980-05-10", "2026-05-10", 46)] // the 46th birthday itself
    [InlineData("1980-02-29", "2026-02-27", 45)] // leap-day birthday, common year: not yet
    [InlineData("1980-02-29", "2026-02-28", 46)] // Civil Code art. 201: month-end day stands in for 29 February
    [InlineData("1980-02-29", "2028-02-28", 47)] // leap year: birthday is 29 February
    [InlineData("1980-02-29", "2028-02-29", 48)]
    public void Age_counts_full_years_on_the_date(string birth, string on, int age)
    {
        Assert.Equal(age, IdNumber.AgeOn(DateOnly.Parse(birth), DateOnly.Parse(on)));
    }
}
