[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("CpaasGen.Benchmarks")]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("CpaasGen.Contract.Tests")]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("CpaasGen.Reliability.Tests")]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("CpaasGen.Sdk.Tests")]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("CpaasGen.Testing.Tests")]
namespace Cpaas.Api
{
    public class AuthenticationClient
    {
        public AuthenticationClient(Microsoft.Kiota.Abstractions.IRequestAdapter requestAdapter) { }
        public Microsoft.Kiota.Abstractions.IRequestAdapter RequestAdapter { get; }
        public virtual System.Threading.Tasks.Task<Cpaas.Api.TokenResponse> CreateTokenAsync(Cpaas.Api.TokenRequest body, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToCreateTokenRequestInformation(Cpaas.Api.TokenRequest body) { }
    }
    public class CallbackReference : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public CallbackReference() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required string NotifyUrl { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.CallbackReference CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.CallbackReference ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class ChannelData : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public ChannelData() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public string? Authorization { get; set; }
        public string? ChannelUrl { get; set; }
        public string? WebhookUrl { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.ChannelData CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.ChannelData ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public readonly struct ChannelType : System.IEquatable<Cpaas.Api.ChannelType>
    {
        public ChannelType(string value) { }
        public bool IsKnown { get; }
        public string Value { get; }
        public static Cpaas.Api.ChannelType OmaPush { get; }
        public static Cpaas.Api.ChannelType Webhooks { get; }
        public static Cpaas.Api.ChannelType Websockets { get; }
        public bool Equals(Cpaas.Api.ChannelType other) { }
        public override bool Equals(object? obj) { }
        public override int GetHashCode() { }
        public override string ToString() { }
        public static Cpaas.Api.ChannelType op_Implicit(string value) { }
        public static bool operator !=(Cpaas.Api.ChannelType left, Cpaas.Api.ChannelType right) { }
        public static bool operator ==(Cpaas.Api.ChannelType left, Cpaas.Api.ChannelType right) { }
    }
    public class DeliveryInfo : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public DeliveryInfo() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public string? Address { get; set; }
        public required Cpaas.Api.DeliveryStatus DeliveryStatus { get; set; }
        public string? DestinationAddress { get; set; }
        public string? MessageId { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.DeliveryInfo CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.DeliveryInfo ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class DeliveryInfoList : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public DeliveryInfoList() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required System.Collections.Generic.List<Cpaas.Api.DeliveryInfo> DeliveryInfo { get; set; }
        public string? ResourceUrl { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.DeliveryInfoList CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.DeliveryInfoList ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class DeliveryInfoNotification : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public DeliveryInfoNotification() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public long? DateTime { get; set; }
        public required Cpaas.Api.DeliveryInfo DeliveryInfo { get; set; }
        public string? Id { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.DeliveryInfoNotification CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.DeliveryInfoNotification ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class DeliveryInfoNotificationEnvelope : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public DeliveryInfoNotificationEnvelope() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.DeliveryInfoNotification DeliveryInfoNotification { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.DeliveryInfoNotificationEnvelope CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.DeliveryInfoNotificationEnvelope ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public readonly struct DeliveryStatus : System.IEquatable<Cpaas.Api.DeliveryStatus>
    {
        public DeliveryStatus(string value) { }
        public bool IsKnown { get; }
        public string Value { get; }
        public static Cpaas.Api.DeliveryStatus DeliveredToNetwork { get; }
        public static Cpaas.Api.DeliveryStatus DeliveredToTerminal { get; }
        public static Cpaas.Api.DeliveryStatus DeliveryImpossible { get; }
        public bool Equals(Cpaas.Api.DeliveryStatus other) { }
        public override bool Equals(object? obj) { }
        public override int GetHashCode() { }
        public override string ToString() { }
        public static Cpaas.Api.DeliveryStatus op_Implicit(string value) { }
        public static bool operator !=(Cpaas.Api.DeliveryStatus left, Cpaas.Api.DeliveryStatus right) { }
        public static bool operator ==(Cpaas.Api.DeliveryStatus left, Cpaas.Api.DeliveryStatus right) { }
    }
    public class ExceptionDetail : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public ExceptionDetail() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public string? MessageId { get; set; }
        public string? Text { get; set; }
        public System.Collections.Generic.List<string>? Variables { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.ExceptionDetail CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.ExceptionDetail ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public readonly struct GrantType : System.IEquatable<Cpaas.Api.GrantType>
    {
        public GrantType(string value) { }
        public bool IsKnown { get; }
        public string Value { get; }
        public static Cpaas.Api.GrantType ClientCredentials { get; }
        public static Cpaas.Api.GrantType Password { get; }
        public bool Equals(Cpaas.Api.GrantType other) { }
        public override bool Equals(object? obj) { }
        public override int GetHashCode() { }
        public override string ToString() { }
        public static Cpaas.Api.GrantType op_Implicit(string value) { }
        public static bool operator !=(Cpaas.Api.GrantType left, Cpaas.Api.GrantType right) { }
        public static bool operator ==(Cpaas.Api.GrantType left, Cpaas.Api.GrantType right) { }
    }
    public interface IJsonModel
    {
        void ReadJson(ref System.Text.Json.Utf8JsonReader reader);
        void WriteJson(System.Text.Json.Utf8JsonWriter writer);
    }
    public class InboundSmsMessageNotification : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public InboundSmsMessageNotification() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public long? DateTime { get; set; }
        public required string Id { get; set; }
        public required Cpaas.Api.SmsNotificationMessage InboundSmsMessage { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.InboundSmsMessageNotification CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.InboundSmsMessageNotification ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class InboundSmsMessageNotificationEnvelope : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public InboundSmsMessageNotificationEnvelope() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.InboundSmsMessageNotification InboundSmsMessageNotification { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.InboundSmsMessageNotificationEnvelope CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.InboundSmsMessageNotificationEnvelope ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class InboundSubscription : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public InboundSubscription() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.CallbackReference CallbackReference { get; set; }
        public string? ClientCorrelator { get; set; }
        public string? DestinationAddress { get; set; }
        public required string ResourceUrl { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.InboundSubscription CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.InboundSubscription ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class InboundSubscriptionList : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public InboundSubscriptionList() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public string? ResourceUrl { get; set; }
        public System.Collections.Generic.List<Cpaas.Api.InboundSubscription>? Subscription { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.InboundSubscriptionList CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.InboundSubscriptionList ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class InboundSubscriptionListResponseBody : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public InboundSubscriptionListResponseBody() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.InboundSubscriptionList SubscriptionList { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.InboundSubscriptionListResponseBody CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.InboundSubscriptionListResponseBody ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class InboundSubscriptionRequest : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public InboundSubscriptionRequest() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.CallbackReference CallbackReference { get; set; }
        public string? ClientCorrelator { get; set; }
        public string? DestinationAddress { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.InboundSubscriptionRequest CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.InboundSubscriptionRequest ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class InboundSubscriptionRequestBody : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public InboundSubscriptionRequestBody() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.InboundSubscriptionRequest Subscription { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.InboundSubscriptionRequestBody CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.InboundSubscriptionRequestBody ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class InboundSubscriptionResponseBody : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public InboundSubscriptionResponseBody() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.InboundSubscription Subscription { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.InboundSubscriptionResponseBody CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.InboundSubscriptionResponseBody ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class KandyApiClient
    {
        public const string DefaultBaseUrl = "https://oauth-cpaas.att.com";
        public KandyApiClient(Microsoft.Kiota.Abstractions.IRequestAdapter requestAdapter) { }
        public Cpaas.Api.AuthenticationClient Authentication { get; }
        public Cpaas.Api.NotificationChannelsClient NotificationChannels { get; }
        public Microsoft.Kiota.Abstractions.IRequestAdapter RequestAdapter { get; }
        public Cpaas.Api.SmsHistoryClient SmsHistory { get; }
        public Cpaas.Api.SmsInboundSubscriptionsClient SmsInboundSubscriptions { get; }
        public Cpaas.Api.SmsOutboundClient SmsOutbound { get; }
        public Cpaas.Api.TwoFactorClient TwoFactor { get; }
    }
    public class Link : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public Link() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required string Href { get; set; }
        public string? Rel { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.Link CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.Link ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class MessageErrorBody : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public MessageErrorBody() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required string Message { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.MessageErrorBody CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.MessageErrorBody ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class NotificationChannel : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public NotificationChannel() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required string CallbackUrl { get; set; }
        public Cpaas.Api.ChannelData? ChannelData { get; set; }
        public int? ChannelLifetime { get; set; }
        public Cpaas.Api.ChannelType? ChannelType { get; set; }
        public string? ClientCorrelator { get; set; }
        public string? ConnectionCheckRole { get; set; }
        public string? ResourceUrl { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.NotificationChannel CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.NotificationChannel ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class NotificationChannelLifetime : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public NotificationChannelLifetime() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required int ChannelLifetime { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.NotificationChannelLifetime CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.NotificationChannelLifetime ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class NotificationChannelLifetimeBody : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public NotificationChannelLifetimeBody() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.NotificationChannelLifetime NotificationChannelLifetime { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.NotificationChannelLifetimeBody CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.NotificationChannelLifetimeBody ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class NotificationChannelList : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public NotificationChannelList() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public System.Collections.Generic.List<Cpaas.Api.NotificationChannel>? NotificationChannel { get; set; }
        public string? ResourceUrl { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.NotificationChannelList CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.NotificationChannelList ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class NotificationChannelListResponseBody : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public NotificationChannelListResponseBody() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.NotificationChannelList NotificationChannelList { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.NotificationChannelListResponseBody CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.NotificationChannelListResponseBody ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class NotificationChannelRequest : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public NotificationChannelRequest() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.ChannelData ChannelData { get; set; }
        public required Cpaas.Api.ChannelType ChannelType { get; set; }
        public required string ClientCorrelator { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.NotificationChannelRequest CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.NotificationChannelRequest ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class NotificationChannelRequestBody : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public NotificationChannelRequestBody() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.NotificationChannelRequest NotificationChannel { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.NotificationChannelRequestBody CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.NotificationChannelRequestBody ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class NotificationChannelResponseBody : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public NotificationChannelResponseBody() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.NotificationChannel NotificationChannel { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.NotificationChannelResponseBody CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.NotificationChannelResponseBody ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class NotificationChannelsClient
    {
        public NotificationChannelsClient(Microsoft.Kiota.Abstractions.IRequestAdapter requestAdapter) { }
        public Microsoft.Kiota.Abstractions.IRequestAdapter RequestAdapter { get; }
        public virtual System.Threading.Tasks.Task<Cpaas.Api.NotificationChannelResponseBody> CreateNotificationChannelAsync(string userId, Cpaas.Api.NotificationChannelRequestBody body, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task DeleteNotificationChannelAsync(string userId, string channelId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.Api.NotificationChannelResponseBody> GetNotificationChannelAsync(string userId, string channelId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.Api.NotificationChannelListResponseBody> ListNotificationChannelsAsync(string userId, string? clientCorrelator = null, Cpaas.Api.ChannelType? channelType = default, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToCreateNotificationChannelRequestInformation(string userId, Cpaas.Api.NotificationChannelRequestBody body) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToDeleteNotificationChannelRequestInformation(string userId, string channelId) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToGetNotificationChannelRequestInformation(string userId, string channelId) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToListNotificationChannelsRequestInformation(string userId, string? clientCorrelator = null, Cpaas.Api.ChannelType? channelType = default) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToUpdateNotificationChannelLifetimeRequestInformation(string userId, string channelId, Cpaas.Api.NotificationChannelLifetimeBody body) { }
        public virtual System.Threading.Tasks.Task<Cpaas.Api.NotificationChannelLifetimeBody> UpdateNotificationChannelLifetimeAsync(string userId, string channelId, Cpaas.Api.NotificationChannelLifetimeBody body, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public class OAuthError : Microsoft.Kiota.Abstractions.ApiException, Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public OAuthError() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required string Error { get; set; }
        public string? ErrorDescription { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.OAuthError CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.OAuthError ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class OutboundSmsMessageNotification : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public OutboundSmsMessageNotification() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public long? DateTime { get; set; }
        public required string Id { get; set; }
        public required Cpaas.Api.SmsNotificationMessage OutboundSmsMessage { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.OutboundSmsMessageNotification CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.OutboundSmsMessageNotification ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class OutboundSmsMessageNotificationEnvelope : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public OutboundSmsMessageNotificationEnvelope() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.OutboundSmsMessageNotification OutboundSmsMessageNotification { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.OutboundSmsMessageNotificationEnvelope CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.OutboundSmsMessageNotificationEnvelope ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class OutboundSmsMessageRequest : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public OutboundSmsMessageRequest() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required System.Collections.Generic.List<string> Address { get; set; }
        public string? ClientCorrelator { get; set; }
        public required Cpaas.Api.OutboundSmsTextMessage OutboundSmsTextMessage { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.OutboundSmsMessageRequest CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.OutboundSmsMessageRequest ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class OutboundSmsMessageRequestBody : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public OutboundSmsMessageRequestBody() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.OutboundSmsMessageRequest OutboundSmsMessageRequest { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.OutboundSmsMessageRequestBody CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.OutboundSmsMessageRequestBody ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class OutboundSmsMessageResponseBody : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public OutboundSmsMessageResponseBody() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.OutboundSmsMessageResult OutboundSmsMessageRequest { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.OutboundSmsMessageResponseBody CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.OutboundSmsMessageResponseBody ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class OutboundSmsMessageResult : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public OutboundSmsMessageResult() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public System.Collections.Generic.List<string>? Address { get; set; }
        public string? ClientCorrelator { get; set; }
        public required Cpaas.Api.DeliveryInfoList DeliveryInfoList { get; set; }
        public Cpaas.Api.OutboundSmsTextMessage? OutboundSmsTextMessage { get; set; }
        public string? ResourceUrl { get; set; }
        public string? SenderAddress { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.OutboundSmsMessageResult CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.OutboundSmsMessageResult ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class OutboundSmsTextMessage : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public OutboundSmsTextMessage() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required string Message { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.OutboundSmsTextMessage CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.OutboundSmsTextMessage ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class RequestError : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public RequestError() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public string? MessageId { get; set; }
        public Cpaas.Api.ExceptionDetail? PolicyException { get; set; }
        public Cpaas.Api.ExceptionDetail? ServiceException { get; set; }
        public string? Text { get; set; }
        public System.Collections.Generic.List<string>? Variables { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.RequestError CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.RequestError ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class RequestErrorBody : Microsoft.Kiota.Abstractions.ApiException, Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public RequestErrorBody() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.RequestError RequestError { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.RequestErrorBody CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.RequestErrorBody ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class SmsEventNotification : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public SmsEventNotification() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public long? DateTime { get; set; }
        public string? EventDescription { get; set; }
        public required Cpaas.Api.SmsEventType EventType { get; set; }
        public required string Id { get; set; }
        public required System.Collections.Generic.List<Cpaas.Api.Link> Link { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.SmsEventNotification CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.SmsEventNotification ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class SmsEventNotificationEnvelope : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public SmsEventNotificationEnvelope() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.SmsEventNotification SmsEventNotification { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.SmsEventNotificationEnvelope CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.SmsEventNotificationEnvelope ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public readonly struct SmsEventType : System.IEquatable<Cpaas.Api.SmsEventType>
    {
        public SmsEventType(string value) { }
        public bool IsKnown { get; }
        public string Value { get; }
        public static Cpaas.Api.SmsEventType MessageDeleted { get; }
        public bool Equals(Cpaas.Api.SmsEventType other) { }
        public override bool Equals(object? obj) { }
        public override int GetHashCode() { }
        public override string ToString() { }
        public static Cpaas.Api.SmsEventType op_Implicit(string value) { }
        public static bool operator !=(Cpaas.Api.SmsEventType left, Cpaas.Api.SmsEventType right) { }
        public static bool operator ==(Cpaas.Api.SmsEventType left, Cpaas.Api.SmsEventType right) { }
    }
    public class SmsHistoryClient
    {
        public SmsHistoryClient(Microsoft.Kiota.Abstractions.IRequestAdapter requestAdapter) { }
        public Microsoft.Kiota.Abstractions.IRequestAdapter RequestAdapter { get; }
        public virtual System.Threading.Tasks.Task DeleteSmsMessageAsync(string userId, string remoteAddress, string localAddress, string messageId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task DeleteSmsThreadAsync(string userId, string remoteAddress, string localAddress, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.Api.SmsMessageResponseBody> GetSmsMessageAsync(string userId, string remoteAddress, string localAddress, string messageId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.Api.SmsMessageStatusResponseBody> GetSmsMessageStatusAsync(string userId, string remoteAddress, string localAddress, string messageId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.Api.SmsThreadResponseBody> GetSmsThreadAsync(string userId, string remoteAddress, string localAddress, int? max = default, string? next = null, string? onlyNew = null, long? lastMessageTime = default, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.Api.SmsMessageListResponseBody> ListSmsMessagesAsync(string userId, string remoteAddress, string localAddress, int? max = default, string? next = null, string? onlyNew = null, long? lastMessageTime = default, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.Api.SmsThreadListResponseBody> ListSmsThreadsAsync(string userId, int? max = default, string? next = null, string? onlyNew = null, long? lastMessageTime = default, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.Api.SmsThreadListResponseBody> ListSmsThreadsWithRemoteAddressAsync(string userId, string remoteAddress, int? max = default, string? next = null, string? onlyNew = null, long? lastMessageTime = default, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToDeleteSmsMessageRequestInformation(string userId, string remoteAddress, string localAddress, string messageId) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToDeleteSmsThreadRequestInformation(string userId, string remoteAddress, string localAddress) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToGetSmsMessageRequestInformation(string userId, string remoteAddress, string localAddress, string messageId) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToGetSmsMessageStatusRequestInformation(string userId, string remoteAddress, string localAddress, string messageId) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToGetSmsThreadRequestInformation(string userId, string remoteAddress, string localAddress, int? max = default, string? next = null, string? onlyNew = null, long? lastMessageTime = default) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToListSmsMessagesRequestInformation(string userId, string remoteAddress, string localAddress, int? max = default, string? next = null, string? onlyNew = null, long? lastMessageTime = default) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToListSmsThreadsRequestInformation(string userId, int? max = default, string? next = null, string? onlyNew = null, long? lastMessageTime = default) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToListSmsThreadsWithRemoteAddressRequestInformation(string userId, string remoteAddress, int? max = default, string? next = null, string? onlyNew = null, long? lastMessageTime = default) { }
    }
    public class SmsInboundSubscriptionsClient
    {
        public SmsInboundSubscriptionsClient(Microsoft.Kiota.Abstractions.IRequestAdapter requestAdapter) { }
        public Microsoft.Kiota.Abstractions.IRequestAdapter RequestAdapter { get; }
        public virtual System.Threading.Tasks.Task<Cpaas.Api.InboundSubscriptionResponseBody> CreateInboundSubscriptionAsync(string userId, Cpaas.Api.InboundSubscriptionRequestBody body, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task DeleteInboundSubscriptionAsync(string userId, string subscriptionId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.Api.InboundSubscriptionResponseBody> GetInboundSubscriptionAsync(string userId, string subscriptionId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.Api.InboundSubscriptionListResponseBody> ListInboundSubscriptionsAsync(string userId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToCreateInboundSubscriptionRequestInformation(string userId, Cpaas.Api.InboundSubscriptionRequestBody body) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToDeleteInboundSubscriptionRequestInformation(string userId, string subscriptionId) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToGetInboundSubscriptionRequestInformation(string userId, string subscriptionId) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToListInboundSubscriptionsRequestInformation(string userId) { }
    }
    public class SmsMessage : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public SmsMessage() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public long? DateTime { get; set; }
        public string? Message { get; set; }
        public string? MessageId { get; set; }
        public string? ResourceUrl { get; set; }
        public Cpaas.Api.DeliveryStatus? Status { get; set; }
        public required Cpaas.Api.SmsMessageDirection Type { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.SmsMessage CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.SmsMessage ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public readonly struct SmsMessageDirection : System.IEquatable<Cpaas.Api.SmsMessageDirection>
    {
        public SmsMessageDirection(string value) { }
        public bool IsKnown { get; }
        public string Value { get; }
        public static Cpaas.Api.SmsMessageDirection Inbound { get; }
        public static Cpaas.Api.SmsMessageDirection Outbound { get; }
        public bool Equals(Cpaas.Api.SmsMessageDirection other) { }
        public override bool Equals(object? obj) { }
        public override int GetHashCode() { }
        public override string ToString() { }
        public static Cpaas.Api.SmsMessageDirection op_Implicit(string value) { }
        public static bool operator !=(Cpaas.Api.SmsMessageDirection left, Cpaas.Api.SmsMessageDirection right) { }
        public static bool operator ==(Cpaas.Api.SmsMessageDirection left, Cpaas.Api.SmsMessageDirection right) { }
    }
    public class SmsMessageList : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public SmsMessageList() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public string? Next { get; set; }
        public string? ResourceUrl { get; set; }
        public System.Collections.Generic.List<Cpaas.Api.SmsMessage>? SmsMessage { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.SmsMessageList CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.SmsMessageList ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class SmsMessageListResponseBody : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public SmsMessageListResponseBody() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.SmsMessageList SmsMessageList { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.SmsMessageListResponseBody CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.SmsMessageListResponseBody ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class SmsMessageResponseBody : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public SmsMessageResponseBody() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.SmsMessage SmsMessage { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.SmsMessageResponseBody CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.SmsMessageResponseBody ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class SmsMessageStatusResponseBody : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public SmsMessageStatusResponseBody() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.DeliveryStatus Status { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.SmsMessageStatusResponseBody CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.SmsMessageStatusResponseBody ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class SmsNotificationMessage : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public SmsNotificationMessage() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public long? DateTime { get; set; }
        public required string DestinationAddress { get; set; }
        public string? Message { get; set; }
        public string? MessageId { get; set; }
        public required string SenderAddress { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.SmsNotificationMessage CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.SmsNotificationMessage ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class SmsOutboundClient
    {
        public SmsOutboundClient(Microsoft.Kiota.Abstractions.IRequestAdapter requestAdapter) { }
        public Microsoft.Kiota.Abstractions.IRequestAdapter RequestAdapter { get; }
        public virtual System.Threading.Tasks.Task<Cpaas.Api.OutboundSmsMessageResponseBody> CreateOutboundSmsMessageAsync(string userId, string senderAddress, Cpaas.Api.OutboundSmsMessageRequestBody body, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToCreateOutboundSmsMessageRequestInformation(string userId, string senderAddress, Cpaas.Api.OutboundSmsMessageRequestBody body) { }
    }
    public class SmsSubscriptionCancellationNotification : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public SmsSubscriptionCancellationNotification() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public long? DateTime { get; set; }
        public required string Id { get; set; }
        public required System.Collections.Generic.List<Cpaas.Api.Link> Link { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.SmsSubscriptionCancellationNotification CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.SmsSubscriptionCancellationNotification ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class SmsSubscriptionCancellationNotificationEnvelope : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public SmsSubscriptionCancellationNotificationEnvelope() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.SmsSubscriptionCancellationNotification SmsSubscriptionCancellationNotification { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.SmsSubscriptionCancellationNotificationEnvelope CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.SmsSubscriptionCancellationNotificationEnvelope ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class SmsThread : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public SmsThread() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required string LocalAddress { get; set; }
        public required string RemoteAddress { get; set; }
        public string? ResourceUrl { get; set; }
        public Cpaas.Api.SmsThreadDetails? ThreadDetails { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.SmsThread CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.SmsThread ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class SmsThreadDetails : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public SmsThreadDetails() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public long? FirstMessageTime { get; set; }
        public long? LastMessageTime { get; set; }
        public long? LastPullTime { get; set; }
        public string? LastText { get; set; }
        public int? Length { get; set; }
        public int? NewMessageCount { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.SmsThreadDetails CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.SmsThreadDetails ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class SmsThreadList : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public SmsThreadList() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public string? Next { get; set; }
        public string? ResourceUrl { get; set; }
        public System.Collections.Generic.List<Cpaas.Api.SmsThread>? SmsThread { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.SmsThreadList CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.SmsThreadList ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class SmsThreadListResponseBody : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public SmsThreadListResponseBody() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.SmsThreadList SmsThreadList { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.SmsThreadListResponseBody CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.SmsThreadListResponseBody ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class SmsThreadResponseBody : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public SmsThreadResponseBody() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.SmsThread SmsThread { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.SmsThreadResponseBody CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.SmsThreadResponseBody ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class TokenRequest : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public TokenRequest() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required string ClientId { get; set; }
        public string? ClientSecret { get; set; }
        public required Cpaas.Api.GrantType GrantType { get; set; }
        public string? Password { get; set; }
        public string? Scope { get; set; }
        public string? Username { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.TokenRequest CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.TokenRequest ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class TokenResponse : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public TokenResponse() { }
        public required string AccessToken { get; set; }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public int? ExpiresIn { get; set; }
        public required string IdToken { get; set; }
        public int? NotBeforePolicy { get; set; }
        public int? RefreshExpiresIn { get; set; }
        public string? RefreshToken { get; set; }
        public string? Scope { get; set; }
        public string? SessionState { get; set; }
        public string? TokenType { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.TokenResponse CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.TokenResponse ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class TwoFactorClient
    {
        public TwoFactorClient(Microsoft.Kiota.Abstractions.IRequestAdapter requestAdapter) { }
        public Microsoft.Kiota.Abstractions.IRequestAdapter RequestAdapter { get; }
        public virtual System.Threading.Tasks.Task DeleteCodeAsync(string userId, string codeId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.Api.TwoFactorCodeResponseBody> ResendCodeAsync(string userId, string codeId, Cpaas.Api.TwoFactorCodeRequestBody body, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.Api.TwoFactorCodeResponseBody> SendCodeAsync(string userId, Cpaas.Api.TwoFactorCodeRequestBody body, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToDeleteCodeRequestInformation(string userId, string codeId) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToResendCodeRequestInformation(string userId, string codeId, Cpaas.Api.TwoFactorCodeRequestBody body) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToSendCodeRequestInformation(string userId, Cpaas.Api.TwoFactorCodeRequestBody body) { }
        public virtual Microsoft.Kiota.Abstractions.RequestInformation ToVerifyCodeRequestInformation(string userId, string codeId, Cpaas.Api.TwoFactorCodeVerificationBody body) { }
        public virtual System.Threading.Tasks.Task VerifyCodeAsync(string userId, string codeId, Cpaas.Api.TwoFactorCodeVerificationBody body, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public class TwoFactorCode : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public TwoFactorCode() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required string ResourceUrl { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.TwoFactorCode CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.TwoFactorCode ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class TwoFactorCodeFormat : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public TwoFactorCodeFormat() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public int? Length { get; set; }
        public Cpaas.Api.TwoFactorCodeType? Type { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.TwoFactorCodeFormat CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.TwoFactorCodeFormat ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public readonly struct TwoFactorCodeMethod : System.IEquatable<Cpaas.Api.TwoFactorCodeMethod>
    {
        public TwoFactorCodeMethod(string value) { }
        public bool IsKnown { get; }
        public string Value { get; }
        public static Cpaas.Api.TwoFactorCodeMethod Email { get; }
        public static Cpaas.Api.TwoFactorCodeMethod Sms { get; }
        public bool Equals(Cpaas.Api.TwoFactorCodeMethod other) { }
        public override bool Equals(object? obj) { }
        public override int GetHashCode() { }
        public override string ToString() { }
        public static Cpaas.Api.TwoFactorCodeMethod op_Implicit(string value) { }
        public static bool operator !=(Cpaas.Api.TwoFactorCodeMethod left, Cpaas.Api.TwoFactorCodeMethod right) { }
        public static bool operator ==(Cpaas.Api.TwoFactorCodeMethod left, Cpaas.Api.TwoFactorCodeMethod right) { }
    }
    public class TwoFactorCodeRequest : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public TwoFactorCodeRequest() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required System.Collections.Generic.List<string> Address { get; set; }
        public int? Expiry { get; set; }
        public Cpaas.Api.TwoFactorCodeFormat? Format { get; set; }
        public required string Message { get; set; }
        public required Cpaas.Api.TwoFactorCodeMethod Method { get; set; }
        public string? Subject { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.TwoFactorCodeRequest CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.TwoFactorCodeRequest ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class TwoFactorCodeRequestBody : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public TwoFactorCodeRequestBody() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.TwoFactorCodeRequest Code { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.TwoFactorCodeRequestBody CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.TwoFactorCodeRequestBody ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class TwoFactorCodeResponseBody : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public TwoFactorCodeResponseBody() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.TwoFactorCode Code { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.TwoFactorCodeResponseBody CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.TwoFactorCodeResponseBody ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public readonly struct TwoFactorCodeType : System.IEquatable<Cpaas.Api.TwoFactorCodeType>
    {
        public TwoFactorCodeType(string value) { }
        public bool IsKnown { get; }
        public string Value { get; }
        public static Cpaas.Api.TwoFactorCodeType Alphabetic { get; }
        public static Cpaas.Api.TwoFactorCodeType Alphanumeric { get; }
        public static Cpaas.Api.TwoFactorCodeType Numeric { get; }
        public bool Equals(Cpaas.Api.TwoFactorCodeType other) { }
        public override bool Equals(object? obj) { }
        public override int GetHashCode() { }
        public override string ToString() { }
        public static Cpaas.Api.TwoFactorCodeType op_Implicit(string value) { }
        public static bool operator !=(Cpaas.Api.TwoFactorCodeType left, Cpaas.Api.TwoFactorCodeType right) { }
        public static bool operator ==(Cpaas.Api.TwoFactorCodeType left, Cpaas.Api.TwoFactorCodeType right) { }
    }
    public class TwoFactorCodeVerification : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public TwoFactorCodeVerification() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required string Verify { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.TwoFactorCodeVerification CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.TwoFactorCodeVerification ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
    public class TwoFactorCodeVerificationBody : Cpaas.Api.IJsonModel, Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder, Microsoft.Kiota.Abstractions.Serialization.IParsable
    {
        public TwoFactorCodeVerificationBody() { }
        public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; }
        public required Cpaas.Api.TwoFactorCodeVerification Code { get; set; }
        public virtual System.Collections.Generic.IDictionary<string, System.Action<Microsoft.Kiota.Abstractions.Serialization.IParseNode>> GetFieldDeserializers() { }
        public void ReadJson(ref System.Text.Json.Utf8JsonReader reader) { }
        public virtual void Serialize(Microsoft.Kiota.Abstractions.Serialization.ISerializationWriter writer) { }
        public void WriteJson(System.Text.Json.Utf8JsonWriter writer) { }
        public static Cpaas.Api.TwoFactorCodeVerificationBody CreateFromDiscriminatorValue(Microsoft.Kiota.Abstractions.Serialization.IParseNode parseNode) { }
        public static Cpaas.Api.TwoFactorCodeVerificationBody ReadFrom(ref System.Text.Json.Utf8JsonReader reader) { }
    }
}
namespace Cpaas
{
    public static class BoundedBodyReader
    {
        public static System.Threading.Tasks.Task<byte[]> ReadAsync(System.IO.Stream body, int maxBytes, long? declaredLength = default, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public class Conversation
    {
        protected Conversation() { }
        public virtual System.Threading.Tasks.Task<Cpaas.CreateMessageResult> CreateMessageAsync(Cpaas.CreateMessageRequest request, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task DeleteMessageAsync(string remoteAddress, string localAddress, string messageId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task DeleteThreadAsync(string remoteAddress, string localAddress, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Collections.Generic.IAsyncEnumerable<Cpaas.SmsMessage> GetAllMessagesAsync(string remoteAddress, string localAddress, Cpaas.HistoryQuery? query = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Collections.Generic.IAsyncEnumerable<Cpaas.SmsThread> GetAllThreadsAsync(Cpaas.HistoryQuery? query = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.NotificationChannel> GetChannelAsync(string channelId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<Cpaas.NotificationChannel>> GetChannelsAsync(Cpaas.NotificationChannelQuery? query = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.SmsMessage> GetMessageAsync(string remoteAddress, string localAddress, string messageId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.CpaasPage<Cpaas.SmsMessage>> GetMessagesAsync(string remoteAddress, string localAddress, Cpaas.HistoryQuery? query = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.DeliveryStatus> GetStatusAsync(string remoteAddress, string localAddress, string messageId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.Subscription> GetSubscriptionAsync(string subscriptionId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<Cpaas.Subscription>> GetSubscriptionsAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.SmsThread> GetThreadAsync(string remoteAddress, string localAddress, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.CpaasPage<Cpaas.SmsThread>> GetThreadsAsync(Cpaas.HistoryQuery? query = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.CpaasPage<Cpaas.SmsThread>> GetThreadsWithRemoteAddressAsync(string remoteAddress, Cpaas.HistoryQuery? query = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.CreateMessageResult> SendAsync(string senderAddress, string destinationAddress, string message, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.SubscribeResult> SubscribeAsync(Cpaas.SubscribeRequest request, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.UnsubscribeResult> UnsubscribeAsync(string subscriptionId, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public class CpaasApiException : System.Exception
    {
        public CpaasApiException(int statusCode, Cpaas.CpaasErrorKind kind, string? exceptionId, string? text, System.Collections.Generic.IReadOnlyList<string>? variables = null, string? responseSnippet = null, string? hint = null, System.Exception? innerException = null) { }
        public string? ExceptionId { get; }
        public string? Hint { get; }
        public Cpaas.CpaasErrorKind Kind { get; }
        public bool MayHaveBeenProcessed { get; init; }
        public override string Message { get; }
        public string? ResponseSnippet { get; }
        public System.TimeSpan? RetryAfter { get; init; }
        public int StatusCode { get; }
        public string? Text { get; }
        public System.Collections.Generic.IReadOnlyList<string> Variables { get; }
    }
    public sealed class CpaasAuthenticationException : Cpaas.CpaasApiException
    {
        public CpaasAuthenticationException(int statusCode, Cpaas.CpaasErrorKind kind, string? exceptionId, string? text, string? responseSnippet = null, System.Exception? innerException = null) { }
    }
    public sealed class CpaasBodyTooLargeException : System.IO.IOException
    {
        public CpaasBodyTooLargeException(int limit, long? declaredLength = default) { }
        public long? DeclaredLength { get; }
        public int Limit { get; }
    }
    public class CpaasClient : System.IDisposable
    {
        public const string CurrentUser = "~cpaas-current-user~";
        protected CpaasClient() { }
        public CpaasClient(Cpaas.CpaasClientOptions options) { }
        public CpaasClient(Cpaas.CpaasClientOptions options, System.Net.Http.HttpClient httpClient) { }
        public CpaasClient(Cpaas.CpaasClientOptions options, System.Net.Http.HttpClient? httpClient, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory) { }
        public virtual Cpaas.Api.KandyApiClient Api { get; }
        public System.Uri? BaseUrl { get; }
        public virtual Cpaas.Conversation Conversation { get; }
        public virtual Cpaas.TwoFactor TwoFactor { get; }
        public void Dispose() { }
        protected virtual void Dispose(bool disposing) { }
        public virtual System.Threading.Tasks.Task<string> GetUserIdAsync(System.Threading.CancellationToken cancellationToken = default) { }
    }
    public sealed class CpaasClientOptions
    {
        public const int DefaultMaxResponseBytes = 4194304;
        public static readonly System.TimeSpan DefaultTimeout;
        public CpaasClientOptions() { }
        public bool AllowInsecureTransport { get; set; }
        public System.Uri? BaseUrl { get; set; }
        public string? ClientCorrelator { get; set; }
        public string? ClientId { get; set; }
        public string? ClientSecret { get; set; }
        public string? Email { get; set; }
        public int MaxResponseBytes { get; set; }
        public string? Password { get; set; }
        public Cpaas.CpaasRetryOptions Retry { get; set; }
        public System.TimeSpan Timeout { get; set; }
        public override string ToString() { }
        public void Validate() { }
        public void Validate(string configurationSection) { }
    }
    public enum CpaasErrorKind
    {
        Unknown = 0,
        ServiceException = 1,
        PolicyException = 2,
        OAuth = 3,
        Transport = 4,
        Redirect = 5,
        PlainMessage = 6,
    }
    public static class CpaasModelFactory
    {
        public static Cpaas.CpaasPage<T> CpaasPage<T>(System.Collections.Generic.IEnumerable<T>? items = null, string? next = null, System.Uri? resourceUrl = null) { }
        public static Cpaas.CreateMessageResult CreateMessageResult(System.Collections.Generic.IEnumerable<Cpaas.DeliveryInfo>? deliveryInfo = null, string? senderAddress = null, string? message = null, string? messageId = null, System.Uri? resourceUrl = null, string? clientCorrelator = null) { }
        public static Cpaas.DeliveryInfo DeliveryInfo(string? destinationAddress = null, Cpaas.DeliveryStatus? deliveryStatus = default) { }
        public static Cpaas.DeliveryInfoNotification DeliveryInfoNotification(Cpaas.DeliveryStatus deliveryStatus, string? destinationAddress = null, string? messageId = null, string? notificationId = null, System.DateTimeOffset? notifiedOn = default) { }
        public static Cpaas.InboundSmsNotification InboundSmsNotification(string senderAddress, string destinationAddress, string? message = null, string? messageId = null, System.DateTimeOffset? createdOn = default, string? notificationId = null, System.DateTimeOffset? notifiedOn = default) { }
        public static Cpaas.NotificationChannel NotificationChannel(string channelId, string? channelType = null, System.Uri? webhookUrl = null, System.Uri? channelUrl = null, string? clientCorrelator = null, System.Uri? resourceUrl = null, System.TimeSpan? channelLifetime = default, string? connectionCheckRole = null) { }
        public static Cpaas.OutboundSmsNotification OutboundSmsNotification(string senderAddress, string destinationAddress, string? message = null, string? messageId = null, System.DateTimeOffset? createdOn = default, string? notificationId = null, System.DateTimeOffset? notifiedOn = default) { }
        public static Cpaas.SendCodeResult SendCodeResult(string codeId, System.Uri? resourceUrl = null) { }
        public static Cpaas.SmsEventNotification SmsEventNotification(Cpaas.SmsEventType? eventType = default, string? eventDescription = null, string? messageId = null, System.Uri? messageUrl = null, string? notificationId = null, System.DateTimeOffset? notifiedOn = default) { }
        public static Cpaas.SmsMessage SmsMessage(Cpaas.SmsMessageDirection direction, string? messageId = null, string? message = null, Cpaas.DeliveryStatus? status = default, System.DateTimeOffset? createdOn = default, System.Uri? resourceUrl = null) { }
        public static Cpaas.SmsSubscriptionCancellationNotification SmsSubscriptionCancellationNotification(string? subscriptionId = null, System.Uri? subscriptionUrl = null, string? notificationId = null, System.DateTimeOffset? notifiedOn = default) { }
        public static Cpaas.SmsThread SmsThread(string remoteAddress, string localAddress, System.DateTimeOffset? firstMessageOn = default, System.DateTimeOffset? lastMessageOn = default, System.DateTimeOffset? lastPulledOn = default, string? lastText = null, int? length = default, int? newMessageCount = default, System.Uri? resourceUrl = null) { }
        public static Cpaas.SubscribeResult SubscribeResult(string subscriptionId, string channelId, System.Uri webhookUrl, string? destinationAddress = null, System.Uri? resourceUrl = null) { }
        public static Cpaas.Subscription Subscription(string subscriptionId, string channelId, string? destinationAddress = null, string? clientCorrelator = null, System.Uri? resourceUrl = null) { }
        public static Cpaas.UnknownNotification UnknownNotification(string kind, string rawJson, string? notificationId = null, System.DateTimeOffset? notifiedOn = default) { }
        public static Cpaas.UnsubscribeResult UnsubscribeResult(string subscriptionId, string? channelId = null, bool channelDeleted = false) { }
        public static Cpaas.VerifyCodeResult VerifyCodeResult(string codeId, bool verified, string? reason = null, string? exceptionId = null) { }
    }
    public abstract class CpaasNotification
    {
        public abstract Cpaas.CpaasNotificationKind Kind { get; }
        public string? NotificationId { get; }
        public System.DateTimeOffset? NotifiedOn { get; }
        public override string ToString() { }
    }
    public readonly struct CpaasNotificationKind : System.IEquatable<Cpaas.CpaasNotificationKind>
    {
        public CpaasNotificationKind(string value) { }
        public bool IsKnown { get; }
        public string Value { get; }
        public static Cpaas.CpaasNotificationKind DeliveryInfo { get; }
        public static Cpaas.CpaasNotificationKind Event { get; }
        public static Cpaas.CpaasNotificationKind Inbound { get; }
        public static Cpaas.CpaasNotificationKind Outbound { get; }
        public static Cpaas.CpaasNotificationKind SubscriptionCancel { get; }
        public bool Equals(Cpaas.CpaasNotificationKind other) { }
        public override bool Equals(object? obj) { }
        public override int GetHashCode() { }
        public override string ToString() { }
        public static bool operator !=(Cpaas.CpaasNotificationKind left, Cpaas.CpaasNotificationKind right) { }
        public static bool operator ==(Cpaas.CpaasNotificationKind left, Cpaas.CpaasNotificationKind right) { }
    }
    public sealed class CpaasNotificationParseException : System.FormatException
    {
        public CpaasNotificationParseException(string message, long? bytePosition = default, long? lineNumber = default, System.Exception? innerException = null) { }
        public long? BytePosition { get; }
        public long? LineNumber { get; }
    }
    public sealed class CpaasOptionsException : System.ArgumentException
    {
        public string OptionName { get; }
        public override string? ParamName { get; }
    }
    public sealed class CpaasPage<T>
    {
        public System.Collections.Generic.IReadOnlyList<T> Items { get; }
        public string? Next { get; }
        public System.Uri? ResourceUrl { get; }
    }
    public sealed class CpaasRetryOptions
    {
        public CpaasRetryOptions() { }
        public System.TimeSpan BaseDelay { get; set; }
        public System.TimeSpan MaxDelay { get; set; }
        public int MaxRetries { get; set; }
    }
    public static class CpaasTelemetry
    {
        public const string Name = "CpaasGen.Sdk";
    }
    public sealed class CreateMessageRequest
    {
        public CreateMessageRequest() { }
        public string? ClientCorrelator { get; init; }
        public required System.Collections.Generic.IReadOnlyList<string> DestinationAddress { get; init; }
        public required string Message { get; init; }
        public required string SenderAddress { get; init; }
        public override string ToString() { }
    }
    public sealed class CreateMessageResult
    {
        public Cpaas.Api.OutboundSmsMessageResult ApiModel { get; }
        public string? ClientCorrelator { get; }
        public System.Collections.Generic.IReadOnlyList<Cpaas.DeliveryInfo> DeliveryInfo { get; }
        public string? Message { get; }
        public string? MessageId { get; }
        public System.Uri? ResourceUrl { get; }
        public string? SenderAddress { get; }
        public override string ToString() { }
    }
    public sealed class DeliveryInfo
    {
        public Cpaas.Api.DeliveryInfo ApiModel { get; }
        public Cpaas.DeliveryStatus DeliveryStatus { get; }
        public string? DestinationAddress { get; }
        public override string ToString() { }
    }
    public sealed class DeliveryInfoNotification : Cpaas.CpaasNotification
    {
        public Cpaas.Api.DeliveryInfoNotification ApiModel { get; }
        public Cpaas.DeliveryStatus DeliveryStatus { get; }
        public string? DestinationAddress { get; }
        public override Cpaas.CpaasNotificationKind Kind { get; }
        public string? MessageId { get; }
    }
    public readonly struct DeliveryStatus : System.IEquatable<Cpaas.DeliveryStatus>
    {
        public DeliveryStatus(string value) { }
        public bool IsKnown { get; }
        public string Value { get; }
        public static Cpaas.DeliveryStatus DeliveredToNetwork { get; }
        public static Cpaas.DeliveryStatus DeliveredToTerminal { get; }
        public static Cpaas.DeliveryStatus DeliveryImpossible { get; }
        public bool Equals(Cpaas.DeliveryStatus other) { }
        public override bool Equals(object? obj) { }
        public override int GetHashCode() { }
        public override string ToString() { }
        public static bool operator !=(Cpaas.DeliveryStatus left, Cpaas.DeliveryStatus right) { }
        public static bool operator ==(Cpaas.DeliveryStatus left, Cpaas.DeliveryStatus right) { }
    }
    public static class EmailAddress
    {
        public const int MaxLength = 254;
        public static bool IsValid(string? address) { }
        public static string Mask(string? address) { }
        public static bool TryValidate(string? address, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error) { }
        public static void Validate(string? address, string field) { }
    }
    public enum ErrorBodyShape
    {
        RequestError = 0,
        FlattenedRequestError = 1,
        TopLevelException = 2,
        PlainMessage = 3,
    }
    public sealed class HistoryQuery
    {
        public HistoryQuery() { }
        public System.DateTimeOffset? LastMessageAfter { get; init; }
        public int? Max { get; init; }
        public string? New { get; init; }
        public string? Next { get; init; }
    }
    public sealed class InboundSmsNotification : Cpaas.SmsMessageNotification
    {
        public Cpaas.Api.InboundSmsMessageNotification ApiModel { get; }
        public override Cpaas.CpaasNotificationKind Kind { get; }
    }
    public static class Notification
    {
        public const int MaxBodyBytes = 1048576;
        public static Cpaas.CpaasNotification Parse(System.ReadOnlySpan<byte> utf8Body) { }
        public static Cpaas.CpaasNotification Parse(string body) { }
        public static System.Threading.Tasks.Task<Cpaas.CpaasNotification> ParseAsync(System.IO.Stream utf8Body, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public sealed class NotificationChannel
    {
        public Cpaas.Api.NotificationChannel ApiModel { get; }
        public string ChannelId { get; }
        public System.TimeSpan? ChannelLifetime { get; }
        public string? ChannelType { get; }
        public System.Uri? ChannelUrl { get; }
        public string? ClientCorrelator { get; }
        public string? ConnectionCheckRole { get; }
        public Cpaas.NotificationChannelKind Kind { get; }
        public System.Uri? ResourceUrl { get; }
        public System.Uri? WebhookUrl { get; }
        public override string ToString() { }
    }
    public enum NotificationChannelKind
    {
        Unknown = 0,
        Webhook = 1,
        WebSocket = 2,
        Push = 3,
    }
    public sealed class NotificationChannelQuery
    {
        public NotificationChannelQuery() { }
        public string? ClientCorrelator { get; init; }
        public Cpaas.NotificationChannelKind? Kind { get; init; }
    }
    public sealed class OutboundSmsNotification : Cpaas.SmsMessageNotification
    {
        public Cpaas.Api.OutboundSmsMessageNotification ApiModel { get; }
        public override Cpaas.CpaasNotificationKind Kind { get; }
    }
    public static class PhoneAddress
    {
        public const string DefaultSender = "default";
        public static bool IsE164(string? address) { }
        public static bool IsValid(string? address) { }
        public static string Normalize(string address) { }
        public static bool TryNormalize(string? address, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? normalized) { }
        public static bool TryValidate(string? address, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error) { }
        public static void Validate(string? address, string field) { }
    }
    public sealed class SendCodeRequest
    {
        public const string CodePlaceholder = "{code}";
        public const int MaximumLength = 10;
        public const int MinimumLength = 4;
        public static readonly System.TimeSpan MaximumExpiry;
        public static readonly System.TimeSpan MinimumExpiry;
        public SendCodeRequest() { }
        public required string DestinationAddress { get; init; }
        public System.TimeSpan Expiry { get; init; }
        public int Length { get; init; }
        public required string Message { get; init; }
        public Cpaas.TwoFactorMethod Method { get; init; }
        public string? Subject { get; init; }
        public Cpaas.TwoFactorCodeType Type { get; init; }
        public override string ToString() { }
        public void Validate() { }
    }
    public sealed class SendCodeResult
    {
        public Cpaas.Api.TwoFactorCode ApiModel { get; }
        public string CodeId { get; }
        public System.Uri? ResourceUrl { get; }
        public override string ToString() { }
    }
    public sealed class SmsEventNotification : Cpaas.CpaasNotification
    {
        public Cpaas.Api.SmsEventNotification ApiModel { get; }
        public string? EventDescription { get; }
        public Cpaas.SmsEventType EventType { get; }
        public override Cpaas.CpaasNotificationKind Kind { get; }
        public string? MessageId { get; }
        public System.Uri? MessageUrl { get; }
    }
    public readonly struct SmsEventType : System.IEquatable<Cpaas.SmsEventType>
    {
        public SmsEventType(string value) { }
        public bool IsKnown { get; }
        public string Value { get; }
        public static Cpaas.SmsEventType MessageDeleted { get; }
        public bool Equals(Cpaas.SmsEventType other) { }
        public override bool Equals(object? obj) { }
        public override int GetHashCode() { }
        public override string ToString() { }
        public static bool operator !=(Cpaas.SmsEventType left, Cpaas.SmsEventType right) { }
        public static bool operator ==(Cpaas.SmsEventType left, Cpaas.SmsEventType right) { }
    }
    public sealed class SmsMessage
    {
        public Cpaas.Api.SmsMessage ApiModel { get; }
        public System.DateTimeOffset? CreatedOn { get; }
        public Cpaas.SmsMessageDirection Direction { get; }
        public string? Message { get; }
        public string? MessageId { get; }
        public System.Uri? ResourceUrl { get; }
        public Cpaas.DeliveryStatus? Status { get; }
        public override string ToString() { }
    }
    public readonly struct SmsMessageDirection : System.IEquatable<Cpaas.SmsMessageDirection>
    {
        public SmsMessageDirection(string value) { }
        public bool IsKnown { get; }
        public string Value { get; }
        public static Cpaas.SmsMessageDirection Inbound { get; }
        public static Cpaas.SmsMessageDirection Outbound { get; }
        public bool Equals(Cpaas.SmsMessageDirection other) { }
        public override bool Equals(object? obj) { }
        public override int GetHashCode() { }
        public override string ToString() { }
        public static bool operator !=(Cpaas.SmsMessageDirection left, Cpaas.SmsMessageDirection right) { }
        public static bool operator ==(Cpaas.SmsMessageDirection left, Cpaas.SmsMessageDirection right) { }
    }
    public abstract class SmsMessageNotification : Cpaas.CpaasNotification
    {
        public System.DateTimeOffset? CreatedOn { get; }
        public string DestinationAddress { get; }
        public string? Message { get; }
        public string? MessageId { get; }
        public string SenderAddress { get; }
    }
    public sealed class SmsSubscriptionCancellationNotification : Cpaas.CpaasNotification
    {
        public Cpaas.Api.SmsSubscriptionCancellationNotification ApiModel { get; }
        public override Cpaas.CpaasNotificationKind Kind { get; }
        public string? SubscriptionId { get; }
        public System.Uri? SubscriptionUrl { get; }
    }
    public sealed class SmsThread
    {
        public Cpaas.Api.SmsThread ApiModel { get; }
        public System.DateTimeOffset? FirstMessageOn { get; }
        public System.DateTimeOffset? LastMessageOn { get; }
        public System.DateTimeOffset? LastPulledOn { get; }
        public string? LastText { get; }
        public int? Length { get; }
        public string LocalAddress { get; }
        public int? NewMessageCount { get; }
        public string RemoteAddress { get; }
        public System.Uri? ResourceUrl { get; }
        public override string ToString() { }
    }
    public sealed class SubscribeRequest
    {
        public SubscribeRequest() { }
        public string? ClientCorrelator { get; init; }
        public string? DestinationAddress { get; init; }
        public required System.Uri WebhookUrl { get; init; }
        public override string ToString() { }
    }
    public sealed class SubscribeResult
    {
        public Cpaas.Api.InboundSubscription ApiModel { get; }
        public string ChannelId { get; }
        public string? DestinationAddress { get; }
        public string SubscriptionId { get; }
        public System.Uri WebhookUrl { get; }
        public override string ToString() { }
    }
    public sealed class Subscription
    {
        public Cpaas.Api.InboundSubscription ApiModel { get; }
        public string ChannelId { get; }
        public string? ClientCorrelator { get; }
        public string? DestinationAddress { get; }
        public System.Uri? ResourceUrl { get; }
        public string SubscriptionId { get; }
        public override string ToString() { }
    }
    public class TwoFactor
    {
        public const string NotVerifiedReason = "Code invalid or expired";
        protected TwoFactor() { }
        public virtual System.Threading.Tasks.Task DeleteCodeAsync(string codeId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.SendCodeResult> ResendCodeAsync(string codeId, Cpaas.SendCodeRequest request, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.SendCodeResult> SendCodeAsync(Cpaas.SendCodeRequest request, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.VerifyCodeResult> VerifyCodeAsync(string codeId, string code, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public enum TwoFactorCodeType
    {
        Numeric = 0,
        Alphanumeric = 1,
        Alphabetic = 2,
    }
    public enum TwoFactorMethod
    {
        Sms = 0,
        Email = 1,
    }
    public sealed class UnknownNotification : Cpaas.CpaasNotification
    {
        public override Cpaas.CpaasNotificationKind Kind { get; }
        public string RawJson { get; }
    }
    public sealed class UnsubscribeResult
    {
        public Cpaas.Api.InboundSubscription ApiModel { get; }
        public bool ChannelDeleted { get; }
        public string? ChannelId { get; }
        public string SubscriptionId { get; }
        public override string ToString() { }
    }
    public static class UrlMasking
    {
        public static string Mask(System.Uri? url) { }
        public static string Mask(string? url) { }
    }
    public sealed class VerifyCodeResult
    {
        public string CodeId { get; }
        public string? ExceptionId { get; }
        public string? Reason { get; }
        public bool Verified { get; }
        public override string ToString() { }
    }
}