using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Data;
using Vouch.Resources;

namespace Vouch.Web;

/// <summary>
/// Turns what went wrong in a request into RFC 9457 problem details: malformed JSON and oversized
/// bodies name the cause; a stale save is a conflict; a database that cannot be reached (or is full) says so, for pages
/// as for the API; anything else is a 500 that hides its details.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException bind && UnboundParameter().Match(bind.Message) is { Success: true } match)
        {
            return await WriteUnboundParameterAsync(httpContext, exception, match);
        }
        if (DatabaseFaults.Classify(exception) is { } fault)
        {
            return await WriteDatabaseFaultAsync(httpContext, exception, fault);
        }
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } =>
                (StatusCodes.Status400BadRequest, "The request body is not valid JSON for this endpoint.", DescribeJsonError(json)),
            BadHttpRequestException when IsTooLarge(exception) =>
                (StatusCodes.Status413PayloadTooLarge, "The request body is too large.", $"Request bodies are limited to {LimitOf(httpContext):N0} bytes."),
            BadHttpRequestException bad => (bad.StatusCode, "The request is not valid.", bad.Message),
            DbUpdateConcurrencyException =>
                (StatusCodes.Status409Conflict, "The record was changed by someone else.", "Reload it, reapply your change and save again."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.", (string?)null),
        };
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>
    /// A database that is restarting, unreachable or busy is a 503 with Retry-After: the request may succeed if sent
    /// again, and the app reconnects by itself. A full disk is a 507: retrying does not help until someone frees space.
    /// A browser that does not take problem details still gets the status and a sentence, not the 500 error page.
    /// </summary>
    private async ValueTask<bool> WriteDatabaseFaultAsync(HttpContext httpContext, Exception exception, DatabaseFault fault)
    {
        var text = httpContext.RequestServices.GetRequiredService<IStringLocalizer<Strings>>();
        var (status, title, detail) = fault switch
        {
            DatabaseFault.Full => (StatusCodes.Status507InsufficientStorage, "The database is out of space.",
                "Nothing was saved. Reading still works; saving works again once the database has room."),
            _ => (StatusCodes.Status503ServiceUnavailable, "The database is unavailable.",
                "Try again in a few seconds."),
        };
        httpContext.Response.StatusCode = status;
        if (fault == DatabaseFault.Unavailable)
        {
            httpContext.Response.Headers.RetryAfter = DatabaseFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = text[detail] },
        });
        if (!written)
        {
            httpContext.Response.ContentType = "text/plain; charset=utf-8";
            await httpContext.Response.WriteAsync($"{text[title]} {text[detail]}", httpContext.RequestAborted);
        }
        return true;
    }

    /// <summary>
    /// The body size limit of the endpoint (an upload may send more than other requests): the endpoint the request had,
    /// which the exception handler clears from the context before it runs.
    /// </summary>
    private static long LimitOf(HttpContext context) =>
        (context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint())?
            .Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? Hosting.VouchHost.MaxRequestBodyBytes;

    /// <summary>
    /// A query or route value that does not parse as its type ("from=yesterday" for a date) is a validation problem
    /// naming the field, like any other bad value.
    /// </summary>
    private async ValueTask<bool> WriteUnboundParameterAsync(HttpContext httpContext, Exception exception, Match match)
    {
        var name = match.Groups["name"].Value;
        var field = char.ToLowerInvariant(name[0]) + name[1..];
        var expected = match.Groups["type"].Value.TrimEnd('?') switch
        {
            "DateOnly" => "a date (yyyy-MM-dd)",
            "DateTimeOffset" or "DateTime" => "a date and time (ISO 8601)",
            "int" or "long" => "a whole number",
            "decimal" or "double" => "a number",
            "bool" => "true or false",
            "Guid" => "an id",
            var type => $"a {type}",
        };
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [$"{field} must be {expected}; '{match.Groups["value"].Value}' is not."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
            },
        });
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+) (?<name>\w+)" from "(?<value>.*)"\.$""")]
    private static partial Regex UnboundParameter();

    /// <summary>Minimal APIs wrap the server's 413 in a 400 "failed to read the body"; the 413 is what happened.</summary>
    private static bool IsTooLarge(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return true;
            }
        }
        return false;
    }

    private static string DescribeJsonError(JsonException json) =>
        json.Path is { Length: > 1 } path
            ? $"The value at '{path.TrimStart('$', '.')}' is not valid: {json.Message.Split(" Path:")[0]}"
            : json.Message.Split(" Path:")[0];
}


/// <summary>
/// Every problem's title in the caller's language, as the last step before it is written: the titles are English
/// sentences, which are the keys of <see cref="Strings"/>, and one without a translation stays English. Field names in
/// a validation problem stay as the API names them.
/// </summary>
public static class ProblemTitles
{
    public static void Translate(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Title is { } title)
        {
            context.ProblemDetails.Title = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Strings>>()[title];
        }
    }
}
