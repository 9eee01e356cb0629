namespace Vouch.Features.Reviews;

/// <summary>A link to a page on the web, as people paste it: absolute, http or https, of a sensible length.</summary>
public static class WebLink
{
    public const int MaxLength = 2000;

    /// <summary>The link trimmed, or null with an error naming the field when it is missing (and required) or not a link.</summary>
    public static string? Check(ValidationErrors errors, string field, string? text, bool required, string example)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(field, $"{field} is required: the link to the page, such as {example}.");
            }
            return null;
        }
        var trimmed = text.Trim();
        if (trimmed.Length > MaxLength)
        {
            errors.Add(field, $"{field} must be at most {MaxLength} characters.");
            return null;
        }
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            errors.Add(field, $"{field} must be an absolute http or https link, such as {example}; '{trimmed}' is not.");
            return null;
        }
        return trimmed;
    }
}
