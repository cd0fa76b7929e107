namespace SocialCard.Core.Persons;

/// <summary>A person's core fields as typed or imported (all text, all optional), before validation.</summary>
public sealed record PersonInput(
    string? Name,
    string? IdNumber,
    string? Sex,
    string? BirthDate,
    string? Ethnicity,
    string? Phone,
    string? Postcode,
    string? Address);
