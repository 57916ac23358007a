using Orleans.Render.Grains.Uploads;
using Orleans.Render.Models.Uploads;
using Orleans.Render.Rendering;
using Xunit;

namespace Orleans.Render.Grains.Tests;

/// <summary>Which failures are retried, after how long, and when an upload or its callback gives up.</summary>
public sealed class UploadRetryPolicyTests
{
    private static readonly UploadRetryPolicy Policy = new(new UploadOptions
    {
        MaxAttempts = 3, InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(3), CallbackAttempts = 2, AttemptTimeout = TimeSpan.FromMinutes(2),
    });

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    public void A_transient_failure_is_retried_after_a_doubling_backoff(int attempts, int seconds)
    {
        var (message, retryAfter) = Policy.AfterFailedAttempt(new HttpRequestException("connection refused"), timedOut: false, attempts);

        Assert.Equal("The destination could not be reached: connection refused", message);
        Assert.Equal(TimeSpan.FromSeconds(seconds), retryAfter);
    }

    [Fact]
    public void The_last_allowed_attempt_fails_for_good()
    {
        Assert.Null(Policy.AfterFailedAttempt(new HttpRequestException("refused"), timedOut: false, attempts: 3).RetryAfter);
    }

    [Fact]
    public void A_permanent_failure_is_not_retried()
    {
        var (message, retryAfter) = Policy.AfterFailedAttempt(new UploadFailedException("No uploader is registered for 'x' destinations.", permanent: true), timedOut: false, attempts: 1);

        Assert.Equal("No uploader is registered for 'x' destinations.", message);
        Assert.Null(retryAfter);
    }

    [Fact]
    public void A_refused_address_anywhere_in_the_chain_is_not_retried()
    {
        var refusal = new RenderInputException("url_refused", "The address 10.0.0.1 is not allowed.");

        var (message, retryAfter) = Policy.AfterFailedAttempt(new HttpRequestException("failed", refusal), timedOut: false, attempts: 1);

        Assert.Equal("The address 10.0.0.1 is not allowed.", message);
        Assert.Null(retryAfter);
    }

    [Fact]
    public void An_attempt_cut_off_by_its_time_limit_says_so_and_is_retried()
    {
        var (message, retryAfter) = Policy.AfterFailedAttempt(new OperationCanceledException(), timedOut: true, attempts: 1);

        Assert.Equal("The attempt took longer than 00:02:00.", message);
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
    }

    [Fact]
    public void An_unknown_exception_is_named_and_retried()
    {
        var (message, retryAfter) = Policy.AfterFailedAttempt(new InvalidOperationException("odd"), timedOut: false, attempts: 2);

        Assert.Equal("InvalidOperationException: odd", message);
        Assert.Equal(TimeSpan.FromSeconds(2), retryAfter);
    }

    [Fact]
    public void A_callback_is_sent_retried_or_given_up()
    {
        Assert.Equal((CallbackStatus.Sent, null), Policy.AfterCallback(delivered: true, attempts: 1));
        Assert.Equal((CallbackStatus.Pending, TimeSpan.FromSeconds(1)), Policy.AfterCallback(delivered: false, attempts: 1));
        Assert.Equal((CallbackStatus.Failed, null), Policy.AfterCallback(delivered: false, attempts: 2));
    }
}
