using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Vouch.Auth;
using Vouch.Web;

using Refusal = Vouch.Features.Ideas.Refusal;

namespace Vouch.Features.Content;

public static class ContentEndpoints
{
    /// <summary>A downloaded file is never a page of this site: no script runs in it, whatever it claims to be.</summary>
    private const string DownloadPolicy = "default-src 'none'; sandbox";

    public static RouteGroupBuilder MapContent(this RouteGroupBuilder api)
    {
        var maxRequestBytes = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<ContentOptions>>().Value.MaxRequestBytes;
        var content = api.MapGroup("/content").WithTags("Content");

        content.MapGet("/", List)
            .WithName("ListContent").WithSummary("Search the content library, a page at a time, with the total.")
            .RequireAuthorization(Policies.ReadInventory);
        content.MapGet("/{id:guid}", Get)
            .WithName("GetContent").WithSummary("Get one content asset.").ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ReadInventory);
        content.MapPost("/", Create)
            .WithName("CreateContent").WithSummary("Add a content asset, as a draft.")
            .RequireAuthorization(Policies.ManageInventory);
        content.MapPut("/{id:guid}", Update)
            .WithName("UpdateContent").WithSummary("Replace a content asset's fields; send the version you read.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.ManageInventory);
        content.MapDelete("/{id:guid}", Delete)
            .WithName("DeleteContent").WithSummary("Delete a content asset and its file.").ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ManageInventory);
        content.MapPost("/{id:guid}/state", SetState)
            .WithName("SetContentState").WithSummary("Move a content asset to another approval state.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.ManageInventory);
        content.MapPost("/{id:guid}/uses", RecordUse)
            .WithName("RecordContentUse").WithSummary("Record one use of approved content; refused once its use limit is reached.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.ReadInventory);
        content.MapPost("/{id:guid}/file", Upload)
            .WithName("UploadContentFile")
            .WithSummary("Upload the asset's file as multipart/form-data in a field named 'file'; it replaces any file before.")
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            // Files are far larger than the API's other bodies; the upload counts the file against Content:MaxFileBytes itself.
            .WithMetadata(new RequestSizeLimitAttribute(maxRequestBytes))
            .RequireAuthorization(Policies.ManageInventory);
        content.MapGet("/{id:guid}/file", Download)
            .WithName("DownloadContentFile").WithSummary("Download the asset's file; range requests are answered.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ReadInventory);
        return api;
    }

    private static async Task<Results<Ok<Paged<ContentSummary>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, [AsParameters] ContentFilter filter, ContentLibrary library, ClaimsPrincipal principal, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        page.Validate(errors);
        ContentLibrary.Validate(filter, errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        return TypedResults.Ok(await library.SearchAsync(ContentReader.Of(principal), page, filter, ct));
    }

    private static async Task<Results<Ok<ContentResponse>, ProblemHttpResult>> Get(
        Guid id, ContentLibrary library, ClaimsPrincipal principal, CancellationToken ct) =>
        await library.FindAsync(ContentReader.Of(principal), id, ct) is { } found ? TypedResults.Ok(found) : Problems.NotFound("The content");

    private static async Task<Results<Created<ContentResponse>, ValidationProblem, ProblemHttpResult>> Create(
        ContentInput input, ContentLibrary library, ClaimsPrincipal principal, CancellationToken ct)
    {
        var (created, refusal) = await library.CreateAsync(ContentReader.Of(principal), input, ct);
        return Refusal.Answer(refusal, () => TypedResults.Created($"/api/v1/content/{created!.Id}", created));
    }

    private static async Task<Results<Ok<ContentResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, ContentInput input, ContentLibrary library, ClaimsPrincipal principal, CancellationToken ct)
    {
        var (updated, refusal) = await library.UpdateAsync(ContentReader.Of(principal), id, input, ct);
        return Refusal.Answer(refusal, () => TypedResults.Ok(updated!));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Delete(Guid id, ContentLibrary library, CancellationToken ct) =>
        Refusal.Answer(await library.DeleteAsync(id, ct), TypedResults.NoContent);

    private static async Task<Results<Ok<ContentResponse>, ValidationProblem, ProblemHttpResult>> SetState(
        Guid id, ContentStateInput input, ContentLibrary library, ClaimsPrincipal principal, CancellationToken ct)
    {
        var (updated, refusal) = await library.SetStateAsync(ContentReader.Of(principal), id, input, ct);
        return Refusal.Answer(refusal, () => TypedResults.Ok(updated!));
    }

    private static async Task<Results<Ok<ContentUseResponse>, ValidationProblem, ProblemHttpResult>> RecordUse(
        Guid id, ContentLibrary library, CancellationToken ct)
    {
        var (use, refusal) = await library.RecordUseAsync(id, ct);
        return Refusal.Answer(refusal, () => TypedResults.Ok(use!));
    }

    /// <summary>
    /// Reads the multipart body section by section and streams the file section straight into the store: the file is
    /// never buffered in memory or on the app's disk.
    /// </summary>
    private static async Task<Results<Ok<ContentResponse>, ValidationProblem, ProblemHttpResult>> Upload(
        Guid id, HttpRequest request, ContentLibrary library, ClaimsPrincipal principal, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Upload the file as multipart/form-data.", detail: "Send the file in a form field named 'file'.");
        }
        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && disposition.Name.Value == "file" && disposition.IsFileDisposition())
            {
                var fileName = disposition.FileNameStar.Value ?? disposition.FileName.Value;
                var (uploaded, refusal) = await library.UploadAsync(ContentReader.Of(principal), id, fileName, section.Body, ct);
                return Refusal.Answer(refusal, () => TypedResults.Ok(uploaded!));
            }
        }
        var missing = new ValidationErrors();
        missing.Add("file", "file is required: send the file in a form field named 'file'.");
        return missing.ToProblem();
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(
        Guid id, HttpContext context, ContentLibrary library, CancellationToken ct)
    {
        if (await library.OpenFileAsync(ContentReader.Of(context.User), id, ct) is not { } file)
        {
            return Problems.NotFound("The content's file");
        }
        context.Response.Headers.ContentSecurityPolicy = DownloadPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.RegisterForDisposeAsync(file.Content);
        return TypedResults.Stream(file.Content, file.ContentType, file.Name, enableRangeProcessing: true);
    }
}
