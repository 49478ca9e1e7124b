/**
 * The providers' webhooks: Meta's and Gupshup's delivery statuses and the leads' messages, authenticated by signature
 * or token, turned into {@link io.followup.delivery.ProviderStatus} and {@link io.followup.delivery.ProviderInbound}
 * events for the modules that apply them.
 */
package io.followup.callbacks;
