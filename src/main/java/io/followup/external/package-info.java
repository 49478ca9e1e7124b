/**
 * The kit every external-API resource ({@code /external-api/v1/...}) is built with: the success envelopes,
 * the seed's time and enum spellings, and text length rules. Paging is {@link io.followup.web.PageParams#external},
 * the error envelope is {@link io.followup.web.ExternalErrorBody} (written by the one error handler of both surfaces).
 */
package io.followup.external;
