namespace SocialCard.Core.Persons;

/// <summary>Sex as coded in GB/T 2261.1 and encoded in the 17th digit of a citizen ID number (odd = male).</summary>
public enum Sex
{
    Male = 1,
    Female = 2,
}
