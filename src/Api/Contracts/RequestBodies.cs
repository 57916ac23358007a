using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Render.Api.Contracts;

// The API reads these bodies field by field (RenderBody, BatchBody, UploadTasks), so each mistake gets its own error
// code; these records only describe them in the OpenAPI document.

/// <summary>The body of <c>POST /v2/render/{project}</c> and <c>POST /v2/token/{project}</c>.</summary>
public sealed record RenderRequestBody(
    [property: Description("A movie name, or a map from extension to movie name with an optional \"*\" fallback.")] JsonElement Movie,
    [property: Description("Variable values: strings, numbers or booleans.")] IReadOnlyDictionary<string, JsonElement>? Params,
    [property: Description("Segments rendered side by side (1 to Render:MaxParallel; larger values are clamped).")] int? Parallel,
    [property: Description("The render pool (routingkey is accepted too).")] string? RoutingKey,
    [property: Description("POST /v2/render: answer 202 at once and render in the background.")] bool? Async,
    [property: Description("The output extension of the returned url (mp4 by default).")] string? Format,
    [property: Description("One upload task or a list of them (POST /v2/render only).")] JsonElement? Upload);

/// <summary>One upload task in <see cref="RenderRequestBody.Upload"/> (docs/uploads.md).</summary>
public sealed record UploadTaskBody(
    [property: Description("The output to upload (mp4 by default).")] string? Extension,
    [property: Description("Upload in the background: 201 at once, state at GET /v2/upload/{token}.")] bool? Async,
    [property: Description("Called with ?msg=<result> when the upload succeeded.")] string? Onsuccess,
    [property: Description("Called with ?msg=<error> when it failed for good.")] string? Onerror,
    [property: Description("get (default: ?msg= in the query) or post (a JSON body); either way signed with X-Signature.")] string? Callbackmethod,
    UploadDestinationBody Destination);

/// <summary>Where an upload goes; which fields apply depends on <c>type</c> (docs/uploads.md has them per type).</summary>
public sealed record UploadDestinationBody(
    [property: Description("s3, azure, http, youtube, facebook or dropbox.")] string Type,
    [property: Description("s3")] string? Bucket,
    [property: Description("s3")] string? Region,
    [property: Description("s3, http, dropbox: the object's name.")] string? Filename,
    [property: JsonPropertyName("aws_access_key_id"), Description("s3")] string? AwsAccessKeyId,
    [property: JsonPropertyName("aws_secret_access_key"), Description("s3")] string? AwsSecretAccessKey,
    [property: JsonPropertyName("aws_use_policy"), Description("s3: use the server's credentials where Uploads:ServerCredentials grants them.")] bool? AwsUsePolicy,
    [property: Description("s3: a canned ACL.")] string? Acl,
    [property: Description("azure: the container.")] string? Container,
    [property: Description("azure: the blob name.")] string? Blob,
    [property: Description("azure, dropbox, facebook: the account.")] string? Account,
    [property: Description("azure")] string? Accountkey,
    [property: Description("azure")] string? Sas,
    [property: Description("azure")] string? Connectionstring,
    [property: Description("http: the URL the file is sent to.")] string? Url,
    [property: Description("http: PUT or POST.")] string? Method,
    [property: Description("http: the form field of a multipart POST.")] string? Field,
    [property: Description("s3, azure, http")] string? Contenttype,
    [property: JsonPropertyName("oauth_access_token"), Description("youtube, facebook, dropbox")] string? OauthAccessToken,
    [property: Description("youtube, facebook")] string? Title,
    [property: Description("youtube, facebook")] string? Description);

/// <summary>The optional body of <c>POST /v1/validate/{project}/{movie}</c>.</summary>
public sealed record ValidateBody([property: Description("Variable values to validate with.")] IReadOnlyDictionary<string, JsonElement>? Params);

/// <summary>The optional body of <c>POST /v2/batch</c>.</summary>
public sealed record BatchCreateBody(
    [property: Description("The project id; else the Authorization: Bearer key names it.")] string? Project,
    [property: Description("The render pool of every task.")] string? Routing,
    [property: Description("Tasks in flight at most (the server caps it).")] int? Window);

/// <summary>The body of <c>POST /v2/batch/{id}/tasks</c>: each task a render request body.</summary>
public sealed record BatchTasksBody(IReadOnlyList<RenderRequestBody> Tasks);

/// <summary><c>POST /v1/key</c> and <c>POST /v1/renderkey/{project}</c>: an optional note to tell keys apart.</summary>
public sealed record KeyCommentBody([property: Description("At most 200 characters.")] string? Comment);

/// <summary><c>PUT /v1/access/{project}</c>.</summary>
public sealed record ProjectPrivacyBody([property: JsonPropertyName("private"), Description("true: render calls need a render key or a signed URL.")] bool IsPrivate);

/// <summary><c>POST /v1/sign/{project}</c>: the path to sign and when it expires (or for how long).</summary>
public sealed record SignUrlBody(
    [property: Description("A render API path, e.g. /v2/render/{token}.mp4, with its query if any.")] string Path,
    [property: Description("When the URL stops working, in Unix seconds.")] long? Expires,
    [property: Description("Or: for how many seconds from now (default Access:SignedUrlTtl).")] long? Ttl);
