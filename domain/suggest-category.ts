/**
 * A category suggested from the words of a complaint, in Dutch, English, Spanish, German or
 * French: shown pre-selected and marked as a suggestion in the popup, never saved silently.
 * Zod-free (the popup runs it). Each keyword matches the start of a word ("factu" finds
 * "factuur" and "facture"); a phrase matches as written.
 */
import type { Category } from './case';
import { foldWord } from './search-words';

const KEYWORDS: Record<Exclude<Category, 'other'>, string[]> = {
  outage: [
    // en
    'outage',
    'no internet',
    'no signal',
    'offline',
    'not working',
    'disconnect',
    'connection drop',
    'down again',
    // nl
    'storing',
    'geen internet',
    'geen bereik',
    'ligt plat',
    'plat',
    'werkt niet',
    'valt weg',
    'verbinding',
    // es
    'caida',
    'sin internet',
    'sin servicio',
    'no funciona',
    'averia',
    // de
    'storung',
    'ausfall',
    'kein internet',
    'geht nicht',
    'verbindung',
    // fr
    'panne',
    'coupure',
    "pas d'internet",
    'ne fonctionne pas',
    'connexion',
  ],
  billing: [
    'bill',
    'invoice',
    'charged',
    'overcharg',
    'refund',
    'payment',
    'debit',
    'fee',
    'factu',
    'rekening',
    'afgeschreven',
    'incasso',
    'betaal',
    'betaling',
    'terugbetal',
    'geld terug',
    'twee keer',
    'cobro',
    'cobrad',
    'reembolso',
    'pago',
    'rechnung',
    'abbuchung',
    'abgebucht',
    'erstattung',
    'zahlung',
    'gebuhr',
    'prelevement',
    'remboursement',
    'paiement',
  ],
  contract: [
    'contract',
    'cancel',
    'subscription',
    'renewal',
    'terminat',
    'opzeg',
    'opgezegd',
    'abonnement',
    'verlenging',
    'looptijd',
    'contrato',
    'cancelar',
    'baja',
    'suscripcion',
    'vertrag',
    'kundig',
    'abo',
    'verlangerung',
    'contrat',
    'resili',
    'engagement',
  ],
  delivery: [
    'deliver',
    'package',
    'parcel',
    'shipping',
    'shipment',
    'courier',
    'order',
    'bezorg',
    'pakket',
    'lever',
    'bestelling',
    'koerier',
    'entrega',
    'paquete',
    'envio',
    'pedido',
    'lieferung',
    'paket',
    'versand',
    'bestellung',
    'zugestellt',
    'livraison',
    'colis',
    'commande',
    'livre',
    'expedition',
  ],
  service: [
    'customer service',
    'support',
    'calls back',
    'call back',
    'on hold',
    'no answer',
    'helpdesk',
    'rude',
    'klantenservice',
    'klantendienst',
    'wachttijd',
    'terugbellen',
    'belt terug',
    'niemand',
    'atencion al cliente',
    'servicio al cliente',
    'nadie',
    'kundenservice',
    'kundendienst',
    'hotline',
    'warteschleife',
    'ruckruf',
    'service client',
    'personne ne',
    'rappel',
  ],
};

/** When two categories match as often, the more specific one is suggested. */
const ORDER: Exclude<Category, 'other'>[] = ['outage', 'billing', 'delivery', 'contract', 'service'];

/** The category the text most likely belongs to, or null when no keyword matches. */
export function suggestCategory(text: string): Category | null {
  const folded = ` ${foldWord(text).replace(/[^\p{L}\p{N}']+/gu, ' ')} `;
  let best: Category | null = null;
  let bestScore = 0;
  for (const category of ORDER) {
    let score = 0;
    for (const k of KEYWORDS[category]) if (folded.includes(` ${k}`)) score++;
    if (score > bestScore) {
      best = category;
      bestScore = score;
    }
  }
  return best;
}
