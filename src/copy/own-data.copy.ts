/** The first line of the file "mijn gegevens" (issue 12): what the file holds, in plain words. */
export const OWN_DATA_EXPLANATION =
  'Alles wat de Weerbaar Bestuur-bot over jou bewaart: je meldingen (met hun afhandeling), je concept, je functie en organisatie, en het adres van je chat met de bot.';
