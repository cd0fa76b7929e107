namespace SocialCard.Core.Validation;

/// <summary>Field names used in <see cref="Finding.Field"/> for a person's data.</summary>
public static class PersonFields
{
    public const string Name = "Name";
    public const string IdNumber = "IdNumber";
    public const string Sex = "Sex";
    public const string BirthDate = "BirthDate";
    public const string Ethnicity = "Ethnicity";
    public const string Phone = "Phone";
    public const string Postcode = "Postcode";
    public const string Address = "Address";
}
