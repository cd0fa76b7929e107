using SocialCard.Core.Photos.Jpeg;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Photos;

/// <summary>
/// The result of inspecting one photo file: every measurement taken (with its limits) and the findings
/// (<see cref="Finding.Field"/> = <see cref="Field"/>). Expected problems are findings, never exceptions.
/// </summary>
public sealed class PhotoInspection
{
    /// <summary>The <see cref="Finding.Field"/> of photo findings.</summary>
    public const string Field = "Photo";

    internal PhotoInspection(JpegHeader? header, IReadOnlyList<Measurement> measurements, IReadOnlyList<Finding> findings)
    {
        Header = header;
        Measurements = measurements;
        Findings = findings;
    }

    /// <summary>The JPEG frame header; null when the file is not a readable JPEG.</summary>
    public JpegHeader? Header { get; }

    public IReadOnlyList<Measurement> Measurements { get; }

    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>False when PHOTO_UNREADABLE was found; the other checks were then not run.</summary>
    public bool IsReadable => !Has(RuleCodes.PhotoUnreadable);

    /// <summary>True when no finding is an error: the photo may be declared.</summary>
    public bool IsAcceptable
    {
        get
        {
            foreach (var finding in Findings)
            {
                if (finding.Severity == Severity.Error)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>True when a measurement lies close to a limit and a person should look at the photo.</summary>
    public bool NeedsReview
    {
        get
        {
            foreach (var measurement in Measurements)
            {
                if (measurement.NearLimit)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public bool Has(string code)
    {
        foreach (var finding in Findings)
        {
            if (finding.Code == code)
            {
                return true;
            }
        }

        return false;
    }

    public Measurement? GetMeasurement(string name)
    {
        foreach (var measurement in Measurements)
        {
            if (measurement.Name == name)
            {
                return measurement;
            }
        }

        return null;
    }
}
