namespace SocialCard.Core.Persons;

/// <summary>An ethnic group of GB 3304: two-digit code and full name, e.g. ("01", "汉族").</summary>
public sealed record Ethnicity(string Code, string Name);
