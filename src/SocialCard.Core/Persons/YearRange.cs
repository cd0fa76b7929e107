using System.Globalization;

namespace SocialCard.Core.Persons;

/// <summary>The years <see cref="First"/> to <see cref="Last"/>, both included.</summary>
public readonly record struct YearRange(int First, int Last)
{
    public bool Contains(int year) => year >= First && year <= Last;

    public override string ToString() => First == Last
        ? First.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{First}-{Last}");
}
