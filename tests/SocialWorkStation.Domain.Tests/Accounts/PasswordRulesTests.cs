using SocialWorkStation.Domain.Accounts;

namespace SocialWorkStation.Domain.Tests.Accounts;

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("abcdefghij", 1)]
    [InlineData("abcdefghi1", 2)]
    [InlineData("Abcdefghi1", 3)]
    [InlineData("Abcdefgh1!", 4)]
    [InlineData("密码密码密码密码12", 2)] // Chinese characters count as symbols
    public void Kinds_are_counted(string password, int kinds) => Assert.Equal(kinds, PasswordRules.Kinds(password));
}
