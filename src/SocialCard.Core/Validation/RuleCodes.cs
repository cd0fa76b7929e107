namespace SocialCard.Core.Validation;

/// <summary>
/// Every stable rule code of docs/RULES.md, defined once. A code never changes meaning once shipped;
/// new codes may be added (add them to docs/RULES.md and to <see cref="All"/> as well — a test compares the three).
/// </summary>
public static class RuleCodes
{
    // File level
    public const string FileUnreadable = "FILE_UNREADABLE";
    public const string FileTooLarge = "FILE_TOO_LARGE";
    public const string FileEmpty = "FILE_EMPTY";
    public const string FileTemplateUnrecognized = "FILE_TEMPLATE_UNRECOGNIZED";

    // Citizen ID number
    public const string IdMissing = "ID_MISSING";
    public const string IdNumericCell = "ID_NUMERIC_CELL";
    public const string IdNormalized = "ID_NORMALIZED";
    public const string IdBadFormat = "ID_BAD_FORMAT";
    public const string IdBadChecksum = "ID_BAD_CHECKSUM";
    public const string IdBadBirthDate = "ID_BAD_BIRTHDATE";
    public const string IdBadRegion = "ID_BAD_REGION";
    public const string IdUnknownRegion = "ID_UNKNOWN_REGION";
    public const string IdLegacy15 = "ID_LEGACY_15";

    // Other person fields
    public const string NameMissing = "NAME_MISSING";
    public const string NameBadChars = "NAME_BAD_CHARS";
    public const string NameNormalized = "NAME_NORMALIZED";
    public const string NameRareChar = "NAME_RARE_CHAR";
    public const string SexMissing = "SEX_MISSING";
    public const string SexInvalid = "SEX_INVALID";
    public const string SexMismatchId = "SEX_MISMATCH_ID";
    public const string BirthDateMissing = "BIRTHDATE_MISSING";
    public const string BirthDateInvalid = "BIRTHDATE_INVALID";
    public const string BirthDateMismatchId = "BIRTHDATE_MISMATCH_ID";
    public const string EthnicityMissing = "ETHNICITY_MISSING";
    public const string EthnicityInvalid = "ETHNICITY_INVALID";
    public const string PhoneMissing = "PHONE_MISSING";
    public const string PhoneInvalid = "PHONE_INVALID";
    public const string PostcodeInvalid = "POSTCODE_INVALID";
    public const string AddressMissing = "ADDRESS_MISSING";
    public const string AddressTooLong = "ADDRESS_TOO_LONG";
    public const string AddressBadChars = "ADDRESS_BAD_CHARS";

    // Row and roster
    public const string ReadOnlyChanged = "READONLY_CHANGED";
    public const string NameAndIdChanged = "NAME_AND_ID_CHANGED";
    public const string UnknownPersonalNumber = "UNKNOWN_PERSONAL_NUMBER";
    public const string DuplicateIdInFile = "DUPLICATE_ID_IN_FILE";
    public const string DuplicateIdElsewhere = "DUPLICATE_ID_ELSEWHERE";
    public const string SameName = "SAME_NAME";

    // Photos
    public const string PhotoMissing = "PHOTO_MISSING";
    public const string PhotoUnreadable = "PHOTO_UNREADABLE";
    public const string PhotoDimensions = "PHOTO_DIMENSIONS";
    public const string PhotoDpi = "PHOTO_DPI";
    public const string PhotoColor = "PHOTO_COLOR";
    public const string PhotoFileSize = "PHOTO_FILE_SIZE";
    public const string PhotoQuality = "PHOTO_QUALITY";
    public const string PhotoBackground = "PHOTO_BACKGROUND";
    public const string PhotoExposure = "PHOTO_EXPOSURE";
    public const string PhotoBlur = "PHOTO_BLUR";
    public const string PhotoNotPhotograph = "PHOTO_NOT_PHOTOGRAPH";
    public const string PhotoNoFace = "PHOTO_NO_FACE";
    public const string PhotoManyFaces = "PHOTO_MANY_FACES";
    public const string PhotoFaceWidth = "PHOTO_FACE_WIDTH";
    public const string PhotoHeadTop = "PHOTO_HEAD_TOP";
    public const string PhotoEyesX = "PHOTO_EYES_X";
    public const string PhotoEyeLine = "PHOTO_EYE_LINE";
    public const string PhotoUnmatchedFile = "PHOTO_UNMATCHED_FILE";

    /// <summary>All codes, in the order of docs/RULES.md.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        FileUnreadable, FileTooLarge, FileEmpty, FileTemplateUnrecognized,
        IdMissing, IdNumericCell, IdNormalized, IdBadFormat, IdBadChecksum, IdBadBirthDate, IdBadRegion,
        IdUnknownRegion, IdLegacy15,
        NameMissing, NameBadChars, NameNormalized, NameRareChar, SexMissing, SexInvalid, SexMismatchId,
        BirthDateMissing, BirthDateInvalid, BirthDateMismatchId, EthnicityMissing, EthnicityInvalid,
        PhoneMissing, PhoneInvalid, PostcodeInvalid, AddressMissing, AddressTooLong, AddressBadChars,
        ReadOnlyChanged, NameAndIdChanged, UnknownPersonalNumber, DuplicateIdInFile, DuplicateIdElsewhere, SameName,
        PhotoMissing, PhotoUnreadable, PhotoDimensions, PhotoDpi, PhotoColor, PhotoFileSize, PhotoQuality,
        PhotoBackground, PhotoExposure, PhotoBlur, PhotoNotPhotograph, PhotoNoFace, PhotoManyFaces, PhotoFaceWidth, PhotoHeadTop,
        PhotoEyesX, PhotoEyeLine, PhotoUnmatchedFile,
    ];
}
