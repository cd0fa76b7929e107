namespace SocialCard.Web.Infrastructure;

/// <summary>A configuration or environment problem found at start-up; its message names the fix.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
