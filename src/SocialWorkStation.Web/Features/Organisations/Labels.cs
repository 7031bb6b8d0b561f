using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Organisations;

/// <summary>Organisation kinds as the API names them and as people read them.</summary>
public static class OrganisationLabels
{
    public static readonly IReadOnlyList<(string Value, string Text)> Kinds =
        Enum.GetValues<OrganisationKind>().Select(k => (JsonNames.Camel(k.ToString()), Organisation.KindChinese(k))).ToList();

    public static readonly IReadOnlyList<(string Value, string Text)> LegalForms =
        Enum.GetValues<Domain.Agreements.LegalForm>().Select(k => (JsonNames.Camel(k.ToString()), Domain.Agreements.ContractorNames.Chinese(k))).ToList();

    public static readonly IReadOnlyList<(string Value, string Text)> Authorities =
        Enum.GetValues<Domain.Agreements.RegisteringAuthority>().Select(k => (JsonNames.Camel(k.ToString()), Domain.Agreements.ContractorNames.Chinese(k))).ToList();

    public static string LegalForm(string? value) =>
        Enum.TryParse<Domain.Agreements.LegalForm>(value, ignoreCase: true, out var k) ? Domain.Agreements.ContractorNames.Chinese(k) : value ?? "";

    public static string Authority(string? value) =>
        Enum.TryParse<Domain.Agreements.RegisteringAuthority>(value, ignoreCase: true, out var k) ? Domain.Agreements.ContractorNames.Chinese(k) : value ?? "";

    public static string Kind(string? value) =>
        Enum.TryParse<OrganisationKind>(value, ignoreCase: true, out var k) ? Organisation.KindChinese(k) : value ?? "";
}
