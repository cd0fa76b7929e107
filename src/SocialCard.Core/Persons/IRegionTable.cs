namespace SocialCard.Core.Persons;

/// <summary>A table of 6-digit GB/T 2260 administrative division codes, used to check the first 6 digits of an ID number.</summary>
public interface IRegionTable
{
    bool Contains(string sixDigitCode);

    /// <summary>The division's name, or null when the code is not in the table.</summary>
    string? NameOf(string sixDigitCode);
}
