package io.followup.config;

import java.util.UUID;

/** Request bodies shared by the config API tests. */
final class ConfigBodies {

    private ConfigBodies() {
    }

    /** The seed's example body, its "uuid" placeholders replaced by real UUIDs. */
    static String seedExample(UUID assistantId, UUID statusId, UUID channelId) {
        return """
                {
                  "assistant_id": "%s",
                  "trigger_status_ids": ["%s"],
                  "steps": [
                    { "interval": "PT30M", "prompt": "Friendly follow-up message" },
                    { "interval": "PT2H", "prompt": "Offer a product demo" }
                  ],
                  "official_steps": [
                    {
                      "channel_id": "%s",
                      "channel_name": "WhatsApp Business",
                      "app_id": "gupshup_app_12345",
                      "steps": [
                        {
                          "interval": "P1D",
                          "template_name": "reengagement_v1",
                          "template_language": "en",
                          "template_params": ["{{LEAD_FIRSTNAME}}"]
                        }
                      ]
                    }
                  ]
                }
                """.formatted(assistantId, statusId, channelId);
    }

    static String seedExample(UUID assistantId) {
        return seedExample(assistantId, UUID.randomUUID(), UUID.randomUUID());
    }

    static String oneStep(UUID assistantId) {
        return """
                {"assistant_id": "%s", "trigger_status_ids": ["%s"], "steps": [{"interval": "PT1H", "prompt": "Hi"}]}
                """.formatted(assistantId, UUID.randomUUID());
    }
}
