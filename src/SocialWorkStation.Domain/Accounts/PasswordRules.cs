namespace SocialWorkStation.Domain.Accounts;

/// <summary>等保 2.0 asks for strong passwords: a minimum length and several kinds of characters.</summary>
public static class PasswordRules
{
    /// <summary>How many of the four kinds (lower case, upper case, digits, symbols) a password uses.</summary>
    public static int Kinds(string password)
    {
        var kinds = 0;
        if (password.Any(char.IsAsciiLetterLower)) kinds++;
        if (password.Any(char.IsAsciiLetterUpper)) kinds++;
        if (password.Any(char.IsAsciiDigit)) kinds++;
        if (password.Any(c => !char.IsAsciiLetterOrDigit(c))) kinds++;
        return kinds;
    }
}
