using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Vouch.Auth;
using Vouch.Web;

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
        [AsParameters] PageQuery page, [AsParameters] ContentFilter filter, ContentLibrary library, CurrentUser user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        page.Validate(errors);
        ContentLibrary.Validate(filter, errors);
        return errors.IsEmpty ? TypedResults.Ok(await library.SearchAsync(await ContentReader.OfAsync(user), page, filter, ct)) : errors.ToProblem();
    }

    private static async Task<Results<Ok<ContentResponse>, ValidationProblem, ProblemHttpResult>> Get(
        Guid id, ContentLibrary library, CurrentUser user, CancellationToken ct) =>
        (await library.FindAsync(await ContentReader.OfAsync(user), id, ct)).OrNotFound("The content").ToApi(TypedResults.Ok);

    private static async Task<Results<Created<ContentResponse>, ValidationProblem, ProblemHttpResult>> Create(
        ContentInput input, ContentLibrary library, CurrentUser user, CancellationToken ct) =>
        (await library.CreateAsync(await ContentReader.OfAsync(user), input, ct)).ToApi(created => TypedResults.Created($"/api/v1/content/{created.Id}", created));

    private static async Task<Results<Ok<ContentResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, ContentInput input, ContentLibrary library, CurrentUser user, CancellationToken ct) =>
        (await library.UpdateAsync(await ContentReader.OfAsync(user), id, input, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Delete(Guid id, ContentLibrary library, CancellationToken ct) =>
        (await library.DeleteAsync(id, ct)).ToApi(TypedResults.NoContent);

    private static async Task<Results<Ok<ContentResponse>, ValidationProblem, ProblemHttpResult>> SetState(
        Guid id, ContentStateInput input, ContentLibrary library, CurrentUser user, CancellationToken ct) =>
        (await library.SetStateAsync(await ContentReader.OfAsync(user), id, input, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<ContentUseResponse>, ValidationProblem, ProblemHttpResult>> RecordUse(
        Guid id, ContentLibrary library, CancellationToken ct) =>
        (await library.RecordUseAsync(id, ct)).ToApi(TypedResults.Ok);

    /// <summary>
    /// Reads the multipart body section by section and streams the file section straight into the store: the file is
    /// never buffered in memory or on the app's disk.
    /// </summary>
    private static async Task<Results<Ok<ContentResponse>, ValidationProblem, ProblemHttpResult>> Upload(
        Guid id, HttpRequest request, ContentLibrary library, CurrentUser user, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Upload the file as multipart/form-data.", detail: "Send the file in a form field named 'file'.");
        }
        var reader = new MultipartReader(boundary, request.Body);
        while (true)
        {
            MultipartSection? section;
            try
            {
                section = await reader.ReadNextSectionAsync(ct);
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                // A body that breaks off before its closing boundary, or part headers that do not parse.
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                    title: "The upload is not a complete multipart/form-data body.", detail: "Send the file in a form field named 'file'.");
            }
            if (section is null)
            {
                break;
            }
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && disposition.Name.Value == "file" && disposition.IsFileDisposition())
            {
                var fileName = disposition.FileNameStar.Value ?? disposition.FileName.Value;
                return (await library.UploadAsync(await ContentReader.OfAsync(user), id, fileName, section.Body, ct)).ToApi(TypedResults.Ok);
            }
        }
        var missing = new ValidationErrors();
        missing.Add("file", "file is required: send the file in a form field named 'file'.");
        return missing.ToProblem();
    }

    private static async Task<Results<FileStreamHttpResult, ValidationProblem, ProblemHttpResult>> Download(
        Guid id, HttpContext context, ContentLibrary library, CurrentUser user, CancellationToken ct) =>
        (await library.OpenFileAsync(await ContentReader.OfAsync(user), id, ct)).OrNotFound("The content's file").ToApi(file => Send(context, file));

    private static FileStreamHttpResult Send(HttpContext context, ContentFile file)
    {
        context.Response.Headers.ContentSecurityPolicy = DownloadPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.RegisterForDisposeAsync(file.Content);
        return TypedResults.Stream(file.Content, file.ContentType, file.Name, enableRangeProcessing: true);
    }
}
